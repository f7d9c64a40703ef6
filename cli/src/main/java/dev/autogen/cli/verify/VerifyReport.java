package dev.autogen.cli.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.cli.verify.MigrationCheck.Status;
import dev.autogen.codegen.text.VisibleText;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What {@code autogen verify} found, as text (one line per migration with its up and down times), JSON,
 * or a JUnit XML report for CI (one test case per check per migration).
 *
 * @param directory the migrations directory, for the reports, never null
 * @param versions the migrations directory's files as the run read them, never null
 * @param history the problems of the history ({@link LinearHistory}), never null
 * @param migrations one check per versioned migration, empty when the history was not linear, never null
 * @param model whether the migrated schema matches the entities, as {@code check} says; {@link
 *     Status#NOT_RUN} when an earlier check failed
 * @param modelMessage the drift found, or why the check did not run; null when it passed
 */
public record VerifyReport(String directory, MigrationVersions versions, List<LinearHistory.Problem> history, List<MigrationCheck> migrations,
    Status model, String modelMessage) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the lists. */
  public VerifyReport {
    Objects.requireNonNull(versions, "versions");
    history = List.copyOf(history);
    migrations = List.copyOf(migrations);
  }

  /** @return whether every check passed (or was skipped) */
  public boolean passed() {
    return history.isEmpty() && migrations.stream().noneMatch(MigrationCheck::failed) && model == Status.PASSED;
  }

  /** @return the text report: the history's problems, one line per migration, the model, the verdict */
  public String text() {
    StringBuilder out = new StringBuilder();
    history.forEach(p -> out.append(line("history: " + p.message())));
    int width = migrations.stream().mapToInt(m -> m.file().length()).max().orElse(0);
    for (MigrationCheck m : migrations) {
      StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", m.file()));
      l.append(m.upMillis() == null ? "  up      -   " : String.format(Locale.ROOT, "  up %6d ms", m.upMillis()));
      l.append(m.downMillis() == null ? "  down      -   " : String.format(Locale.ROOT, "  down %6d ms", m.downMillis()));
      l.append("  ").append(m.failed() ? "FAILED: " + m.message()
          : m.upgrade() == Status.NOT_RUN ? m.message()
          : m.stairway() == Status.PASSED ? "ok (up, " + m.undoFile() + ", up)" : "ok (" + m.message() + ")");
      out.append(line(l.toString()));
    }
    out.append(line(switch (model) {
      case PASSED -> "model: the migrated schema matches the entities";
      case FAILED -> "model: FAILED: " + modelMessage;
      default -> "model: " + modelMessage;
    }));
    long undone = migrations.stream().filter(m -> m.stairway() == Status.PASSED).count();
    out.append(line(passed()
        ? "Verified " + migrations.size() + " migration" + (migrations.size() == 1 ? "" : "s") + " in " + directory
            + ": history linear, each applied, " + undone + " undone and applied again, model matches."
        : "Verify failed: " + firstFailure()));
    return out.toString();
  }

  /** @return the first failure as one line, or null when all passed */
  public String firstFailure() {
    if (!history.isEmpty()) {
      return history.get(0).message();
    }
    return migrations.stream().filter(MigrationCheck::failed).map(MigrationCheck::message).findFirst()
        .orElse(model == Status.FAILED ? modelMessage : null);
  }

  /**
   * The JSON report, the format the JUnit kit ({@code autogen-junit}) reads: {@code {"formatVersion":1,
   * "directory","result","history":[{"file","version","migrations","message"}],"versioned":[{"version","file","path"}],
   * "migrations":[{"version","file","undoFile","upMillis","downMillis","result","upgrade","stairway",
   * "seeded","firstDifference","note"}],"model":{"result","message"}}}. A history problem's {@code version}
   * is the version of the versioned migration it is about and {@code migrations} the versioned files
   * Flyway reads as that version (null and empty when it is about no migration Flyway reads); {@code versioned} lists every versioned migration Flyway reads, also when the history is not
   * linear and {@code migrations} is empty. Statuses are {@link Status#label()}s; versions are Flyway's
   * ({@link MigrationVersion#getVersion()}).
   *
   * @return the report, indented, ending with a line break
   */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("directory", directory);
    root.put("result", passed() ? "passed" : "failed");
    ArrayNode problems = root.putArray("history");
    for (LinearHistory.Problem p : history) {
      ObjectNode n = problems.addObject().put("file", p.file().getFileName().toString());
      Optional<MigrationVersion> version = versionOf(p);
      n.put("version", version.map(MigrationVersion::getVersion).orElse(null));
      ArrayNode about = n.putArray("migrations");
      version.ifPresent(v -> versions.versioned().stream().filter(m -> m.version().equals(v))
          .forEach(m -> about.add(m.fileName())));
      n.put("message", p.message());
    }
    ArrayNode listed = root.putArray("versioned");
    versions.versioned().forEach(m -> listed.addObject().put("version", m.version().getVersion())
        .put("file", m.fileName()).put("path", m.file().toString()));
    ArrayNode list = root.putArray("migrations");
    for (MigrationCheck m : migrations) {
      ObjectNode n = list.addObject();
      n.put("version", m.version());
      n.put("file", m.file());
      n.put("undoFile", m.undoFile());
      n.put("upMillis", m.upMillis());
      n.put("downMillis", m.downMillis());
      n.put("result", m.result());
      n.put("upgrade", m.upgrade().label());
      n.put("stairway", m.stairway().label());
      n.put("seeded", m.seeded().label());
      n.put("firstDifference", m.failed() ? m.message() : null);
      n.put("note", m.failed() ? null : m.message());
    }
    root.putObject("model").put("result", model.label()).put("message", modelMessage);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param problem a problem of the history, never null
   * @return the version of the versioned migration the problem's file (a migration or an undo file) is
   *     for, or empty when Flyway reads no versioned migration of that version
   */
  public Optional<MigrationVersion> versionOf(LinearHistory.Problem problem) {
    Path file = problem.file().toAbsolutePath();
    return versions.all().stream().filter(m -> m.file().equals(file)).map(MigrationVersions.Migration::version)
        .findFirst().filter(v -> versions.versioned().stream().anyMatch(m -> m.version().equals(v)));
  }

  /**
   * @return a JUnit XML report (the {@code testsuite} format CI servers read): a test case {@code
   *     history} per problem (or one passing), {@code upgrade} and {@code stairway} per migration (class
   *     name: the file), and {@code model matches}; failures carry the message, skipped checks say why
   */
  public String junitXml() {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      int tests = Math.max(1, history.size()) + 2 * migrations.size() + 1;
      long failures = history.size() + migrations.stream().mapToLong(m ->
          (m.upgrade() == Status.FAILED ? 1 : 0) + (m.stairway() == Status.FAILED ? 1 : 0)).sum()
          + (model == Status.FAILED ? 1 : 0);
      long skipped = migrations.stream().mapToLong(m -> (m.upgrade() == Status.NOT_RUN ? 1 : 0)
          + (m.stairway() == Status.SKIPPED || m.stairway() == Status.NOT_RUN ? 1 : 0)).sum()
          + (model == Status.NOT_RUN ? 1 : 0);
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "autogen verify");
      xml.writeAttribute("tests", Integer.toString(tests));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Long.toString(skipped));
      long total = migrations.stream().mapToLong(m -> (m.upMillis() == null ? 0 : m.upMillis())
          + (m.downMillis() == null ? 0 : m.downMillis())).sum();
      xml.writeAttribute("time", seconds(total));
      xml.writeCharacters("\n");
      if (history.isEmpty()) {
        testcase(xml, "history", "linear history", null, Status.PASSED, null);
      }
      for (LinearHistory.Problem p : history) {
        testcase(xml, p.file().getFileName().toString(), "linear history", null, Status.FAILED, p.message());
      }
      for (MigrationCheck m : migrations) {
        testcase(xml, m.file(), "upgrade", m.upMillis(), m.upgrade(), m.upgrade() == Status.PASSED ? null : m.message());
        testcase(xml, m.file(), "stairway", m.downMillis(), m.stairway(),
            m.stairway() == Status.PASSED ? null : m.message());
      }
      testcase(xml, "model", "model matches", null, model, modelMessage);
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit XML report: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void testcase(XMLStreamWriter xml, String className, String name, Long millis, Status status,
      String message) throws XMLStreamException {
    xml.writeCharacters("  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", className);
    xml.writeAttribute("name", name);
    xml.writeAttribute("time", seconds(millis == null ? 0 : millis));
    switch (status) {
      case FAILED -> {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", VisibleText.oneLine(message));
        xml.writeCharacters(message);
        xml.writeEndElement();
      }
      case SKIPPED, NOT_RUN -> {
        xml.writeEmptyElement("skipped");
        xml.writeAttribute("message", message == null ? status.label() : VisibleText.oneLine(message));
      }
      default -> { }
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String line(String text) {
    return VisibleText.oneLine(text) + "\n";
  }
}
