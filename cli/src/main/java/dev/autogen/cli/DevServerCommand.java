package dev.autogen.cli;

import dev.autogen.cli.source.CurrentSchema;
import dev.autogen.cli.source.DevServer;
import dev.autogen.cli.source.PersistentDevServer;
import dev.autogen.cli.source.ReplaySnapshots;
import dev.autogen.codegen.text.VisibleText;
import dev.autogen.introspect.JdbcUrls;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code autogen dev-server status|prune|stop}: what the dev server keeps for incremental replay ({@link
 * ReplaySnapshots}: one database per replayed state, named {@code autogen_snap_...}), and removing it.
 * Without {@code --dev-url} that is the embedded PostgreSQL whose data directory is in the cache directory
 * ({@link PersistentDevServer}); with it, the snapshot databases of that server, and nothing else of it.
 */
@Command(name = "dev-server", mixinStandardHelpOptions = true,
    description = {"Show (status) or remove (prune) the replay snapshots the dev server keeps: one database per "
        + "replayed state of the history (" + ReplaySnapshots.PREFIX + "...), so that the next replay applies only the "
        + "migrations after the longest one it finds. Without --dev-url: the embedded PostgreSQL in the cache directory"
        + " (prune deletes its data directory; stop stops it now: it stays up between runs until idle for "
        + "AUTOGEN_DEV_SERVER_IDLE, default 10m)."})
final class DevServerCommand implements Callable<Integer> {

  /** What to do. */
  enum Action { status, prune, stop }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "status, prune or stop.")
  Action action;

  @Override
  public Integer call() {
    ProjectOptions options = parent.options;
    PrintWriter out = spec.commandLine().getOut();
    if (options.devUrl == null || options.devUrl.isBlank()) {
      return embedded(options, out);
    }
    if (options.devUrl.equals("docker")) {
      out.println("The Docker dev server lives only as long as a run and keeps no replay snapshots.");
      return ExitCode.OK;
    }
    String where = JdbcUrls.redact(options.devUrl);
    try (DevServer server = DevServer.resolve(options.devUrl, options.user, options.password())) {
      ReplaySnapshots snapshots = new ReplaySnapshots(server.admin(), Integer.MAX_VALUE);
      switch (action) {
        case prune -> {
          List<ReplaySnapshots.Snapshot> dropped = snapshots.prune();
          out.println("Dropped " + dropped.size() + " replay snapshot(s) from " + where + ", " + megabytes(dropped)
              + " MB.");
        }
        case stop -> out.println("Nothing to stop: " + where + " is a server you run.");
        default -> print(snapshots.list(), "on " + where, out);
      }
      return ExitCode.OK;
    }
  }

  /** @return the idle time after which the embedded server stops, e.g. {@code 10 min} */
  private static String idleText() {
    java.time.Duration idle = PersistentDevServer.idle();
    return idle.toSeconds() % 60 == 0 && idle.toMinutes() > 0 ? idle.toMinutes() + " min" : idle.toSeconds() + " s";
  }

  private int embedded(ProjectOptions options, PrintWriter out) {
    java.nio.file.Path cache = options.cacheDirectory();
    PersistentDevServer.State state = PersistentDevServer.state(cache);
    String where = DisplayPath.of(state.directory());
    switch (action) {
      case prune -> out.println(state.exists() || state.bytes() > 0
          ? "Deleted the embedded dev server in " + where + ", snapshots included: "
              + Math.round(PersistentDevServer.delete(cache) / 1e6) + " MB."
          : "No embedded dev server in " + where + ".");
      case stop -> out.println(PersistentDevServer.stop(cache)
          ? "Stopped the embedded dev server in " + where + "."
          : "The embedded dev server in " + where + " is not running.");
      default -> {
        if (!state.exists()) {
          out.println("No embedded dev server in " + where + " yet: the first replay with the cache on makes one.");
        } else if (state.inUse()) {
          out.println("The embedded dev server in " + where + " (" + Math.round(state.bytes() / 1e6)
              + " MB) is in use by a running autogen.");
        } else {
          out.println("Embedded dev server in " + where + ": " + Math.round(state.bytes() / 1e6) + " MB on disk, "
              + (state.port().isPresent() ? "running on port " + state.port().getAsInt() + " until idle for "
                  + idleText() : "not running") + ".");
          print(PersistentDevServer.snapshots(cache), "in it", out);
        }
      }
    }
    return ExitCode.OK;
  }

  private static void print(List<ReplaySnapshots.Snapshot> all, String where, PrintWriter out) {
    out.println(all.size() + " replay snapshot(s) " + where + ", " + megabytes(all) + " MB (at most "
        + CurrentSchema.SNAPSHOTS_KEPT + " are kept, the least recently used go first):");
    for (ReplaySnapshots.Snapshot s : all) {
      out.println("  " + s.database() + "  " + (s.migrations() < 0 ? "?" : s.migrations()) + " migration(s), last "
          + VisibleText.oneLine(String.valueOf(s.last())) + ", used "
          + (s.lastUsed().equals(Instant.EPOCH) ? "?" : WHEN.format(s.lastUsed())) + ", " + Math.round(s.bytes() / 1e6)
          + " MB");
    }
  }

  private static long megabytes(List<ReplaySnapshots.Snapshot> snapshots) {
    return Math.round(snapshots.stream().mapToLong(ReplaySnapshots.Snapshot::bytes).sum() / 1e6);
  }
}
