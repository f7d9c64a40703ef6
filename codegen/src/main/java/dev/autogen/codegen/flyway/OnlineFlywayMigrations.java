package dev.autogen.codegen.flyway;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.online.MigrationStep;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.PhasedStatement;
import dev.autogen.codegen.postgres.online.StepSql;
import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Flyway migrations of a phased plan ({@link PhasedStatement}): one per {@link MigrationStep} that
 * has statements, at consecutive versions. In online mode:
 *
 * <ol>
 *   <li>{@code V<n>__<slug>.sql}, the expand step, in a transaction, starting with {@code set local
 *       lock_timeout} and {@code set local statement_timeout};
 *   <li>{@code V<n+1>__<slug>_online_steps.sql}, outside a transaction ({@code .sql.conf}: {@code
 *       executeInTransaction=false}), starting with {@code set lock_timeout}/{@code statement_timeout}
 *       and ending with their {@code reset}; each short step in a {@code begin}/{@code commit} of its
 *       own;
 *   <li>{@code V<n+2>__contract_<slug>.sql}, the contract step, its header saying to apply it only
 *       once every instance runs the new application version.
 * </ol>
 *
 * <p>Each file holds, per change in plan order, that change's statements of its step; the plan's
 * order (renames, drops of dependents, creates, keys, foreign keys last) also orders the online steps
 * correctly (a backfill before the index on the filled column, a key before the foreign key that
 * references it). Each undo file undoes its own migration. Without online mode there is one
 * migration, laid out as ever.
 */
public final class OnlineFlywayMigrations {

  private OnlineFlywayMigrations() {}

  /**
   * @param message the user's message, never null
   * @param existing the file names in the migrations directory, for the versions, never null
   * @param now the time now, never null
   * @param generatorVersion the autogen version, never null
   * @param plan the plan, never null
   * @param phased the plan rendered by {@link dev.autogen.codegen.postgres.online.OnlinePostgresRenderer}, never null
   * @param options the options it was rendered with, never null
   * @return the migrations in the order they run, at least one for a plan with changes
   */
  public static List<FlywayMigration> of(String message, List<String> existing, Instant now, String generatorVersion,
      MigrationPlan plan, List<PhasedStatement> phased, OnlineOptions options) {
    List<MigrationStep> steps = Arrays.stream(MigrationStep.values())
        .filter(step -> phased.stream().anyMatch(p -> p.runsIn(step))).toList();
    List<String> names = new ArrayList<>(existing);
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String version = FlywayVersion.next(names, now).value();
      versions.add(version);
      names.add("V" + version + "__step.sql");
    }
    List<FlywayMigration> migrations = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      MigrationStep step = steps.get(i);
      List<PhasedStatement> inStep = phased.stream().filter(p -> p.runsIn(step)).toList();
      Set<Change> left = phased.stream().filter(p -> !p.runsIn(step)).map(p -> p.statement().change())
          .collect(Collectors.toSet());
      List<Statement> statements = inStep.stream().map(p -> statementOf(p, step)).toList();
      boolean online = options.online();
      migrations.add(new FlywayMigration(
          messageOf(message, step, online), versions.get(i), now, generatorVersion, plan.without(left), statements,
          online ? notes(step, steps, versions, message) : List.of(),
          online ? options.setTimeouts(step.transactional()) : List.of(),
          online && !step.transactional() ? options.resetTimeouts() : List.of(),
          step.transactional()));
    }
    return migrations;
  }

  private static Statement statementOf(PhasedStatement p, MigrationStep step) {
    List<StepSql> parts = p.parts(step);
    List<String> sql = new ArrayList<>();
    List<String> reverse = new ArrayList<>();
    parts.forEach(part -> sql.addAll(part.sql()));
    for (int i = parts.size() - 1; i >= 0; i--) {
      reverse.addAll(parts.get(i).reverseSql());
    }
    Statement s = p.statement();
    return new Statement(s.change(), s.name(), sql, reverse, s.hazards(), step.transactional());
  }

  private static String messageOf(String message, MigrationStep step, boolean online) {
    if (!online) {
      return message;
    }
    return switch (step) {
      case EXPAND -> message;
      case ONLINE -> message + " online steps";
      case CONTRACT -> "contract " + message;
    };
  }

  private static List<String> notes(MigrationStep step, List<MigrationStep> steps, List<String> versions,
      String message) {
    int index = steps.indexOf(step);
    List<String> notes = new ArrayList<>();
    notes.add("");
    notes.add("Online plan (--online), migration " + (index + 1) + " of " + steps.size() + ": "
        + steps.stream().map(s -> "V" + versions.get(steps.indexOf(s)) + " " + s.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", ")) + ".");
    switch (step) {
      case EXPAND -> notes.add("EXPAND: one transaction of quick catalog changes; lock_timeout bounds every lock"
          + " wait. Keeps the running application version working.");
      case ONLINE -> {
        notes.add("ONLINE STEPS: runs OUTSIDE a transaction (its .sql.conf holds executeInTransaction=false);"
            + " each short step commits on its own.");
        notes.add("If a CREATE INDEX CONCURRENTLY fails it leaves an INVALID index of that name: drop it"
            + " (DROP INDEX CONCURRENTLY name), then flyway repair and migrate again.");
      }
      case CONTRACT -> {
        notes.add("CONTRACT STEP FOR A LATER RELEASE: apply after every instance runs the new version of the"
            + " application (" + message.lines().findFirst().orElse("") + ").");
        notes.add("It drops what only the old version used; until then leave it out of the release"
            + " (or migrate with -target=" + versions.get(index - 1 < 0 ? 0 : index - 1) + ").");
      }
      default -> { }
    }
    return notes;
  }
}
