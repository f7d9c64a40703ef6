package dev.autogen.cli;

import dev.autogen.cli.source.DevServer;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code autogen dev-server status|prune}: what the dev server keeps for incremental replay ({@link
 * ReplaySnapshots}: one database per replayed state, named {@code autogen_snap_...}), and removing it. It
 * reads or drops only those databases.
 */
@Command(name = "dev-server", mixinStandardHelpOptions = true,
    description = {"Show (status) or remove (prune) the replay snapshots the dev server keeps: databases named "
        + ReplaySnapshots.PREFIX + "..., one per replayed state of the history, so that the next replay applies only "
        + "the migrations after the longest one it finds."})
final class DevServerCommand implements Callable<Integer> {

  /** What to do. */
  enum Action { status, prune }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  @ParentCommand AutogenCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "status or prune.")
  Action action;

  @Override
  public Integer call() {
    ProjectOptions options = parent.options;
    PrintWriter out = spec.commandLine().getOut();
    if (options.devUrl == null || options.devUrl.isBlank() || options.devUrl.equals("docker")) {
      out.println("The " + (options.devUrl == null || options.devUrl.isBlank() ? "embedded" : "Docker")
          + " dev server lives only as long as a run and keeps no replay snapshots: pass --dev-url of a PostgreSQL"
          + " you run to keep them there.");
      return ExitCode.OK;
    }
    try (DevServer server = DevServer.resolve(options.devUrl, options.user, options.password())) {
      ReplaySnapshots snapshots = new ReplaySnapshots(server.admin(), Integer.MAX_VALUE);
      String where = JdbcUrls.redact(options.devUrl);
      if (action == Action.prune) {
        List<ReplaySnapshots.Snapshot> dropped = snapshots.prune();
        out.println("Dropped " + dropped.size() + " replay snapshot(s) from " + where + ", " + megabytes(dropped)
            + " MB.");
        return ExitCode.OK;
      }
      List<ReplaySnapshots.Snapshot> all = snapshots.list();
      out.println(all.size() + " replay snapshot(s) on " + where + ", " + megabytes(all) + " MB (at most "
          + dev.autogen.cli.source.CurrentSchema.SNAPSHOTS_KEPT + " are kept, the least recently used go first):");
      for (ReplaySnapshots.Snapshot s : all) {
        out.println("  " + s.database() + "  " + (s.migrations() < 0 ? "?" : s.migrations()) + " migration(s), last "
            + VisibleText.oneLine(String.valueOf(s.last())) + ", used " + (s.lastUsed().equals(Instant.EPOCH) ? "?"
            : WHEN.format(s.lastUsed())) + ", " + Math.round(s.bytes() / 1e6) + " MB");
      }
      return ExitCode.OK;
    }
  }

  private static long megabytes(List<ReplaySnapshots.Snapshot> snapshots) {
    return Math.round(snapshots.stream().mapToLong(ReplaySnapshots.Snapshot::bytes).sum() / 1e6);
  }
}
