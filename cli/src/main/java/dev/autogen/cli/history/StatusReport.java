package dev.autogen.cli.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code autogen status} reports (after Alembic's {@code current}, {@code heads} and {@code
 * history}): the directory's head and history, its version conflicts, and with a live database where
 * it stands ({@link DatabaseStatus}) and whether its schema drifted from its history ({@link
 * HistoryDrift}). Rendered as text (one line per fact) or JSON ({@code formatVersion} 1).
 *
 * @param directory the migrations directory as shown to the user, never null
 * @param migrations the directory's versioned migrations, in version order, never null
 * @param conflicts the version conflict lines ({@link VersionConflicts#find}), never null
 * @param database the live database as shown: {@code --url} with any password in it hidden, or null without one
 * @param status where the live database stands, or null without one (or when conflicts kept Flyway
 *     from reading it)
 * @param drift the drift from the history, or null when not compared
 */
public record StatusReport(String directory, List<Line> migrations, List<String> conflicts, String database,
    DatabaseStatus status, HistoryDrift drift) {

  /**
   * One versioned migration of the directory.
   *
   * @param version its version as Flyway reads it, never null
   * @param description its description (Flyway's: underscores read as spaces), never null
   * @param file its path relative to the directory, never null
   * @param undoFile its undo file relative to the directory, or null
   * @param nonTransactional whether Flyway runs it outside a transaction ({@code executeInTransaction=false})
   * @param state Flyway's state of it in the live database ({@code Success}, {@code Pending}, ...), or null
   */
  public record Line(String version, String description, String file, String undoFile, boolean nonTransactional,
      String state) {

    /** @throws NullPointerException when version, description or file is null */
    public Line {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(file, "file");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public StatusReport {
    Objects.requireNonNull(directory, "directory");
    migrations = List.copyOf(migrations);
    conflicts = List.copyOf(conflicts);
  }

  /** @return the directory's head: its versioned migration of the highest version, if any */
  public Optional<Line> head() {
    return migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
  }

  /**
   * @return whether everything holds: no version conflict, and with a live database one at head with
   *     no failed entry, no applied version missing from the directory, no checksum mismatch and no drift
   */
  public boolean ok() {
    if (!conflicts.isEmpty()) {
      return false;
    }
    if (database == null) {
      return true;
    }
    return status != null && status.pending().isEmpty() && !status.broken() && drift != null && !drift.problem();
  }

  /** @return the report as text, one line per fact, ending with a {@code Status:} line */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Migrations: ").append(directory).append('\n');
    out.append("Head: ").append(head().map(h -> h.version() + " (" + h.file() + ")").orElse("none (no migration)"))
        .append('\n');
    if (!migrations.isEmpty()) {
      out.append("History:\n");
      int version = migrations.stream().mapToInt(m -> m.version().length()).max().orElse(0);
      int file = migrations.stream().mapToInt(m -> m.file().length()).max().orElse(0);
      int description = migrations.stream().mapToInt(m -> m.description().length()).max().orElse(0);
      for (Line m : migrations) {
        StringBuilder line = new StringBuilder("  ").append(pad(m.version(), version)).append("  ")
            .append(pad(m.file(), file)).append("  ").append(pad(m.description(), description));
        if (m.undoFile() != null) {
          line.append("  [undo ").append(m.undoFile()).append(']');
        }
        if (m.nonTransactional()) {
          line.append("  [non-transactional]");
        }
        if (m.state() != null) {
          line.append("  [").append(m.state()).append(']');
        }
        out.append(line.toString().stripTrailing()).append('\n');
      }
    }
    conflicts.forEach(c -> out.append("Warning: ").append(c).append('\n'));
    if (database != null) {
      out.append("Database: ").append(database);
      if (status != null) {
        out.append(" (history table ").append(status.table()).append(')');
      }
      out.append('\n');
    }
    if (status != null) {
      out.append("Current: ").append(status.current().map(DatabaseStatus.Entry::label).orElse("none (no migration applied)"))
          .append('\n');
      entries(out, "Pending", status.pending());
      entries(out, "Failed", status.failed());
      entries(out, "Out of order", status.outOfOrder());
      entries(out, "Missing from the directory", status.missing());
      for (DatabaseStatus.Entry e : status.checksumMismatches()) {
        out.append("Checksum mismatch: ").append(e.label()).append(": the history records ")
            .append(e.recordedChecksum()).append(", the file's checksum is ").append(e.fileChecksum())
            .append(" (the file was edited after it was applied)\n");
      }
    }
    if (drift != null) {
      out.append(drift.outcome() == HistoryDrift.Outcome.NONE ? "Drift: none, " : "Drift: ").append(drift.message())
          .append('\n');
    }
    out.append("Status: ").append(summary()).append('\n');
    return out.toString();
  }

  /** @return one line: what holds, or what is wrong */
  public String summary() {
    List<String> problems = new java.util.ArrayList<>();
    if (!conflicts.isEmpty()) {
      problems.add(conflicts.size() + " version conflict" + (conflicts.size() == 1 ? "" : "s"));
    }
    if (database != null && status == null) {
      problems.add("the database's history was not read (Flyway refuses the directory)");
    }
    if (status != null) {
      count(problems, status.pending().size(), "pending migration");
      count(problems, status.failed().size(), "failed entry", "failed entries");
      count(problems, status.missing().size(), "applied migration missing from the directory",
          "applied migrations missing from the directory");
      count(problems, status.checksumMismatches().size(), "checksum mismatch", "checksum mismatches");
    }
    if (drift != null && drift.outcome() == HistoryDrift.Outcome.DRIFT) {
      problems.add("schema drift from the history");
    }
    if (drift != null && drift.outcome() == HistoryDrift.Outcome.REPLAY_FAILED) {
      problems.add("the applied history does not replay");
    }
    if (!problems.isEmpty()) {
      return String.join(", ", problems);
    }
    if (database == null) {
      return "ok, " + migrations.size() + " migration" + (migrations.size() == 1 ? "" : "s")
          + ", no version conflict";
    }
    return "at head" + (drift != null && drift.outcome() == HistoryDrift.Outcome.NONE ? ", no drift"
        : ", drift not checked");
  }

  /** @return the report as JSON, {@code formatVersion} 1 */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("ok", ok());
    root.put("summary", summary());
    root.put("directory", directory);
    ObjectNode head = head().map(h -> JSON.createObjectNode().put("version", h.version()).put("file", h.file()))
        .orElse(null);
    root.set("head", head);
    ArrayNode list = root.putArray("migrations");
    for (Line m : migrations) {
      ObjectNode node = list.addObject().put("version", m.version()).put("description", m.description())
          .put("file", m.file()).put("undoFile", m.undoFile()).put("nonTransactional", m.nonTransactional());
      if (m.state() != null) {
        node.put("state", m.state());
      }
    }
    ArrayNode conflictList = root.putArray("conflicts");
    conflicts.forEach(conflictList::add);
    if (database != null) {
      ObjectNode db = root.putObject("database");
      db.put("url", database);
      if (status != null) {
        db.put("historyTable", status.table());
        db.set("current", status.current().map(StatusReport::entry).orElse(null));
        db.put("atHead", status.pending().isEmpty());
        entries(db, "pending", status.pending());
        entries(db, "failed", status.failed());
        entries(db, "outOfOrder", status.outOfOrder());
        entries(db, "missing", status.missing());
        entries(db, "checksumMismatches", status.checksumMismatches());
      }
      if (drift != null) {
        db.putObject("drift").put("outcome", drift.outcome().name().toLowerCase(java.util.Locale.ROOT))
            .put("message", drift.message());
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entries(ObjectNode parent, String name, List<DatabaseStatus.Entry> entries) {
    ArrayNode array = parent.putArray(name);
    entries.forEach(e -> array.add(entry(e)));
  }

  private static ObjectNode entry(DatabaseStatus.Entry e) {
    ObjectNode node = JSON.createObjectNode().put("version", e.version()).put("script", e.script())
        .put("state", e.state().name());
    if (e.recordedChecksum() != null) {
      node.put("recordedChecksum", e.recordedChecksum());
    }
    if (e.fileChecksum() != null) {
      node.put("fileChecksum", e.fileChecksum());
    }
    return node;
  }

  private static void entries(StringBuilder out, String label, List<DatabaseStatus.Entry> entries) {
    if (!entries.isEmpty()) {
      out.append(label).append(": ").append(entries.stream().map(DatabaseStatus.Entry::label)
          .collect(Collectors.joining(", "))).append('\n');
    }
  }

  private static void count(List<String> problems, int n, String one) {
    count(problems, n, one, one + "s");
  }

  private static void count(List<String> problems, int n, String one, String many) {
    if (n > 0) {
      problems.add(n + " " + (n == 1 ? one : many));
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
