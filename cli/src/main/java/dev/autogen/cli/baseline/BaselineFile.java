package dev.autogen.cli.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.diff.baseline.Baseline;
import dev.autogen.diff.baseline.BaselineEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a baseline file ({@code autogen-baseline.json}, committed with the project):
 *
 * <pre>{@code
 * {
 *   "formatVersion" : 1,
 *   "entries" : [ {
 *     "fingerprint" : "alter_column public.book.title type varchar(100)->varchar(200)",
 *     "kind" : "alter_column",
 *     "object" : "public.book.title",
 *     "description" : "alter column public.book.title: type varchar(100)->varchar(200)",
 *     "reason" : "widened by hand in production, entities follow in 2.4",
 *     "recordedAt" : "2025-06-01"
 *   } ]
 * }
 * }</pre>
 *
 * Entries are sorted by fingerprint and the JSON is indented, so that the file diffs well in review.
 * Writing goes to a temporary file in the same directory that is then moved over the file, so the
 * file is either the old one or the new one, never half written.
 */
public final class BaselineFile {

  /** The value of {@code formatVersion} this autogen reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BaselineFile() {}

  /**
   * @param file the baseline file, never null
   * @return its baseline, or empty when the file does not exist
   * @throws AutogenException with {@link ExitCode#USAGE} when the file cannot be read, is not JSON,
   *     has another format version, or an entry lacks a field
   */
  public static Optional<Baseline> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (root == null || !root.isObject()) {
        throw invalid(file, "expected a JSON object", null);
      }
      int version = root.path("formatVersion").asInt(-1);
      if (version != FORMAT_VERSION) {
        throw invalid(file, "formatVersion " + root.path("formatVersion") + " is not " + FORMAT_VERSION, null);
      }
      List<BaselineEntry> entries = new ArrayList<>();
      for (JsonNode entry : root.path("entries")) {
        entries.add(entry(file, entry));
      }
      return Optional.of(new Baseline(entries));
    } catch (JsonProcessingException e) {
      throw invalid(file, "not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read the baseline " + file + ": " + e, e);
    }
  }

  /**
   * Writes the baseline atomically: a temporary file in the same directory, then moved into place.
   *
   * @param file the baseline file, never null; its directory must exist
   * @param baseline the baseline, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when the file cannot be written; the file is
   *     then as it was and no temporary file is left
   */
  public static void write(Path file, Baseline baseline) {
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
      Files.writeString(temporary, text(baseline), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new AutogenException(ExitCode.USAGE, "cannot write the baseline " + file + ": " + e, e);
    }
  }

  /**
   * @param baseline a baseline, never null
   * @return the file's text: indented JSON, entries in the baseline's (fingerprint) order, ending in a
   *     newline
   */
  public static String text(Baseline baseline) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    ArrayNode entries = root.putArray("entries");
    baseline.entries().forEach(e -> entries.add(node(e)));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param entry an entry, never null
   * @return it as a JSON object with the fields of the file format, in that order
   */
  public static ObjectNode node(BaselineEntry entry) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("fingerprint", entry.fingerprint());
    node.put("kind", entry.kind());
    node.put("object", entry.object());
    node.put("description", entry.description());
    node.put("reason", entry.reason());
    node.put("recordedAt", entry.recordedAt().toString());
    return node;
  }

  private static BaselineEntry entry(Path file, JsonNode node) {
    try {
      return new BaselineEntry(required(file, node, "fingerprint"), node.path("kind").asText(""),
          node.path("object").asText(""), node.path("description").asText(""), required(file, node, "reason"),
          LocalDate.parse(required(file, node, "recordedAt")));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw invalid(file, "entry " + node.path("fingerprint") + ": " + e.getMessage(), e);
    }
  }

  private static String required(Path file, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw invalid(file, "an entry has no " + field + ": " + node, null);
    }
    return value.asText();
  }

  private static AutogenException invalid(Path file, String why, Throwable cause) {
    return new AutogenException(ExitCode.USAGE, "baseline " + file + " is not a baseline file: " + why
        + " (fix it, or delete it and run autogen baseline --reason \"...\" again)", cause);
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException ignored) {
      // the write failed already; a leftover dot-file is the lesser problem
    }
  }
}
