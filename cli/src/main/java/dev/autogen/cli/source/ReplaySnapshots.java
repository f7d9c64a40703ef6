package dev.autogen.cli.source;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.cache.ReplayPrefixes;
import dev.autogen.codegen.postgres.PostgresLiterals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replayed states kept on a dev server as databases, so that a replay starts from the longest prefix of the
 * history already replayed instead of from nothing (issue 13, incremental replay). A snapshot is a database
 * named {@value #PREFIX} and the first 24 hex digits of its state's hash ({@link ReplayPrefixes}, whose
 * settings include the role that made it: only its owner may copy and comment on a database); its
 * comment records how many migrations it holds, the last one, and when a run last used it, which decides
 * what is evicted: at most {@code keep} snapshots stay, the least recently used go first.
 *
 * <p>A snapshot is only ever a template: runs copy it ({@link ScratchDatabase#copyOf}) and never connect to
 * it. Two runs on one server are safe: a snapshot another run saves first is taken as saved; a copy
 * refused (the template just evicted, or being copied by another run) is a miss, and the replay starts
 * from an earlier state or from nothing.
 */
public final class ReplaySnapshots {

  /** The name prefix of snapshot databases, which {@code autogen dev-server prune} removes. */
  public static final String PREFIX = "autogen_snap_";

  private static final int HASH_DIGITS = 24;
  private static final String COMMENT_HEAD = "autogen replay snapshot";
  private static final Pattern COMMENT = Pattern.compile(
      "autogen replay snapshot; used (\\d+); migrations (\\d+); last (.*)", Pattern.DOTALL);

  private final DatabaseLogin admin;
  private final int keep;

  /**
   * @param admin a login to the dev server from which {@code CREATE DATABASE} works, never null
   * @param keep how many snapshots stay at most, at least 1
   * @throws IllegalArgumentException when keep is below 1
   */
  public ReplaySnapshots(DatabaseLogin admin, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least one snapshot, not " + keep);
    }
    this.admin = admin;
    this.keep = keep;
  }

  /**
   * A snapshot on the server.
   *
   * @param database its database name
   * @param migrations how many versioned migrations it holds, or -1 when its comment does not say
   * @param last the file name of the last one, as its comment records it (data from a file name, not
   *     escaped), or null
   * @param lastUsed when a run last saved or copied it, or {@link Instant#EPOCH} when unknown
   * @param bytes its size on disk ({@code pg_database_size})
   */
  public record Snapshot(String database, int migrations, String last, Instant lastUsed, long bytes) {}

  /**
   * @return the snapshots on the server that the login's role owns (only those it may copy or drop), most
   *     recently used first
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  public List<Snapshot> list() {
    return list(true);
  }

  /**
   * @param sizes whether to measure each snapshot's size ({@code pg_database_size} walks its files: tens of
   *     milliseconds for a few snapshots of 1,000 tables, which a replay does not need); -1 when not
   */
  private List<Snapshot> list(boolean sizes) {
    List<Snapshot> snapshots = new ArrayList<>();
    query("select datname, shobj_description(oid, 'pg_database'), " + (sizes ? "pg_database_size(oid)" : "-1")
        + " from pg_database where datname like '" + PREFIX.replace("_", "\\_") + "%' and datdba = (select oid"
        + " from pg_roles where rolname = current_user)", rows -> {
          while (rows.next()) {
            Matcher m = COMMENT.matcher(rows.getString(2) == null ? "" : rows.getString(2));
            boolean known = m.matches();
            snapshots.add(new Snapshot(rows.getString(1), known ? Integer.parseInt(m.group(2)) : -1,
                known ? m.group(3) : null, known ? Instant.ofEpochSecond(Long.parseLong(m.group(1))) : Instant.EPOCH,
                rows.getLong(3)));
          }
        });
    snapshots.sort(Comparator.comparing(Snapshot::lastUsed).reversed());
    return snapshots;
  }

  /**
   * @param prefixes the history's states, never null
   * @return the longest of them the server keeps as a snapshot now (what {@link #copyLongest} will copy,
   *     unless that copy is refused); empty when it keeps none
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses to list them
   */
  public Optional<ReplayPrefixes.Step> longestKept(ReplayPrefixes prefixes) {
    List<String> present = list(false).stream().map(Snapshot::database).toList();
    List<ReplayPrefixes.Step> steps = prefixes.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (present.contains(databaseOf(steps.get(i)))) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Copies the longest prefix of the history the server keeps.
   *
   * @param server the dev server, never null
   * @param prefixes the history's states, never null
   * @return a scratch database holding that state, with how many migrations it holds; empty when the
   *     server keeps none of them or refuses every copy
   */
  public Optional<Copy> copyLongest(DevServer server, ReplayPrefixes prefixes) {
    List<String> present = list(false).stream().map(Snapshot::database).toList();
    List<ReplayPrefixes.Step> steps = prefixes.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      String database = databaseOf(steps.get(i));
      if (!present.contains(database)) {
        continue;
      }
      ScratchDatabase copy;
      try {
        copy = ScratchDatabase.copyOf(server, database);
      } catch (AutogenException e) {
        continue;  // evicted or being copied by another run meanwhile: try an earlier state
      }
      touch(database, steps.get(i));
      return Optional.of(new Copy(copy, steps.get(i)));
    }
    return Optional.empty();
  }

  /**
   * A scratch database copied from a snapshot.
   *
   * @param scratch the copy, which the caller closes
   * @param state the state it holds
   */
  public record Copy(ScratchDatabase scratch, ReplayPrefixes.Step state) {}

  /**
   * Keeps a copy of a scratch database's state as a snapshot (when the server has none of it yet). The
   * scratch database stays as it is, for the replay to go on in it: a checkpoint on the way to the head.
   * What is kept beyond {@code keep} goes at {@link #evict()}.
   *
   * @param scratch a scratch database holding the state, to which no session is connected; never null
   * @param state its state, never null
   */
  public void saveCopy(ScratchDatabase scratch, ReplayPrefixes.Step state) {
    save(state, database -> {
      execute("create database " + database + " template " + scratch.name());
      return true;
    });
  }

  /**
   * Keeps a scratch database itself as the snapshot of its state, renamed ({@link ScratchDatabase#keepAs}:
   * no copy). When the server has that state already (another run saved it first), the scratch database
   * stays one and is dropped when closed. What is kept beyond {@code keep} goes at {@link #evict()}.
   *
   * @param scratch a scratch database holding the state, to which no session is connected; never null
   * @param state its state, never null
   */
  public void keep(ScratchDatabase scratch, ReplayPrefixes.Step state) {
    save(state, scratch::keepAs);
  }

  /** Makes the snapshot database of a state; false when it exists already. */
  private interface Maker {
    boolean make(String database);
  }

  private void save(ReplayPrefixes.Step state, Maker maker) {
    String database = databaseOf(state);
    try {
      maker.make(database);
    } catch (AutogenException e) {
      if (!ScratchDatabase.isDuplicateDatabase(e)) {
        // a snapshot saves the next run time; not keeping one must not fail this run, which has its result
        System.err.println("autogen: warning: could not keep the replay snapshot " + database + ": " + e.getMessage());
        return;
      }
      // duplicate_database: another run saved it first
    }
    touch(database, state);
  }

  /**
   * Drops every snapshot.
   *
   * @return the snapshots dropped
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses
   */
  public List<Snapshot> prune() {
    List<Snapshot> all = list();
    all.forEach(s -> execute("drop database if exists " + s.database() + " with (force)"));
    return all;
  }

  /**
   * Makes room for the snapshots a replay is about to keep: drops the least recently used beyond {@code
   * keep - room}, never {@code spare}; one being copied by another run stays until a later eviction. A
   * replay runs this beside its own work (a {@code DROP DATABASE} of a snapshot of 1,000 tables takes a
   * good part of a second), so that what it keeps afterwards stays within {@code keep}.
   *
   * @param room how many snapshots the caller will keep, at least 0
   * @param spare a snapshot not to drop (the one the replay started from), or null
   * @throws AutogenException with {@link ExitCode#DATABASE} when the server refuses to list them
   */
  public void evict(int room, String spare) {
    List<Snapshot> all = list(false).stream().filter(s -> !s.database().equals(spare)).toList();
    int stay = Math.max(0, keep - room - (spare == null ? 0 : 1));
    for (Snapshot s : all.subList(Math.min(stay, all.size()), all.size())) {
      try {
        execute("drop database if exists " + s.database());
      } catch (AutogenException e) {
        // being copied by another run: it goes next time
      }
    }
  }

  /** Records the snapshot's state and use now in its comment; a comment refused leaves it as it was. */
  private void touch(String database, ReplayPrefixes.Step state) {
    try {
      execute("comment on database " + database + " is " + PostgresLiterals.string(COMMENT_HEAD + "; used "
          + Instant.now().getEpochSecond() + "; migrations " + state.applied() + "; last " + state.last()));
    } catch (AutogenException e) {
      // another role's snapshot (names include the role, so only after a rename of it): used, not recorded
    }
  }

  /** @return the snapshot database of a state: the prefix and the first hex digits of its hash */
  static String databaseOf(ReplayPrefixes.Step state) {
    return PREFIX + state.hash().substring(0, HASH_DIGITS);
  }

  private void query(String sql, ScratchDatabase.Rows reader) {
    ScratchDatabase.query(admin, sql, reader);
  }

  private void execute(String sql) {
    ScratchDatabase.execute(admin, sql);
  }
}
