package dev.autogen.cli.rename;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.diff.InvalidRenameException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The renames file ({@code autogen-renames.properties} in the project directory, committed): the
 * confirmed renames, one {@code old=new} per line in {@code --rename}'s spelling, {@code #} and
 * {@code !} comments and blank lines ignored:
 *
 * <pre>{@code
 * # renames autogen must not take for a drop and an add
 * customer.full_name=display_name
 * client=customer
 * }</pre>
 *
 * It is a plain {@code .properties} file (keys and values without escapes, which identifiers do not
 * need). Renames the database already shows are ignored when diffing, so the file may keep them.
 * Appending keeps every existing byte and goes through a temporary file moved into place, so the
 * file is either the old one or the new one, never half written.
 */
public final class RenamesFile {

  /** The file's name by default, in the working directory. */
  public static final String DEFAULT_NAME = "autogen-renames.properties";

  /**
   * One rename line of the file.
   *
   * @param spec the rename as {@code --rename} takes it, trimmed around {@code =}
   * @param file the file it is in
   * @param line its 1-based line number
   */
  public record Entry(String spec, Path file, int line) {}

  private RenamesFile() {}

  /**
   * @param file the renames file, never null
   * @return its renames in file order; empty when the file does not exist
   * @throws AutogenException with {@link ExitCode#USAGE} when it cannot be read or a line is not
   *     {@code old=new}
   */
  public static List<Entry> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read the renames file " + file + ": " + e, e);
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        throw new AutogenException(ExitCode.USAGE, file + ":" + (i + 1) + ": expected old=new, e.g. "
            + "customer.full_name=display_name or old_table=new_table, not '" + line + "'");
      }
      entries.add(new Entry(line.substring(0, eq).strip() + "=" + line.substring(eq + 1).strip(), file, i + 1));
    }
    return entries;
  }

  /**
   * @param given the {@code --rename} values, never null
   * @param file the file's entries, never null
   * @return both, {@code --rename} first, each spelling once
   */
  public static List<String> merge(List<String> given, List<Entry> file) {
    Set<String> all = new LinkedHashSet<>();
    given.forEach(s -> all.add(s.strip()));
    file.forEach(e -> all.add(e.spec()));
    return List.copyOf(all);
  }

  /**
   * Names the file line a rename the catalogs reject came from, when it came from the file.
   *
   * @param e the rejection, whose message starts {@code --rename SPEC:} ({@code RenameResolver})
   * @param entries the file's entries
   * @return an error naming the file and line ({@code autogen-renames.properties:3: customer.x=y:
   *     table public.customer has no column x}) with {@link ExitCode#USAGE}, or {@code e} itself when
   *     no entry matches (it came from {@code --rename})
   */
  public static RuntimeException located(InvalidRenameException e, List<Entry> entries) {
    for (Entry entry : entries) {
      String prefix = "--rename " + entry.spec() + ":";
      if (e.getMessage() != null && e.getMessage().startsWith(prefix)) {
        return new AutogenException(ExitCode.USAGE, entry.file() + ":" + entry.line() + ": " + entry.spec()
            + ":" + e.getMessage().substring(prefix.length()), e);
      }
    }
    return e;
  }

  /**
   * Appends the renames the file does not hold yet, keeping everything it holds.
   *
   * @param file the renames file, never null; created when missing (its directory must exist)
   * @param specs renames in {@code --rename} spelling, never null
   * @return the renames appended (those not already in the file)
   * @throws AutogenException with {@link ExitCode#USAGE} when the file cannot be read or written; it
   *     is then as it was
   */
  public static List<String> append(Path file, List<String> specs) {
    Set<String> present = new LinkedHashSet<>();
    read(file).forEach(e -> present.add(e.spec()));
    List<String> added = specs.stream().filter(s -> !present.contains(s)).distinct().toList();
    if (added.isEmpty()) {
      return added;
    }
    Path temporary = null;
    try {
      String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
          : "# Renames autogen applies instead of a drop and an add (old=new, as --rename takes them).\n";
      StringBuilder text = new StringBuilder(old);
      if (!old.isEmpty() && !old.endsWith("\n")) {
        text.append('\n');
      }
      added.forEach(s -> text.append(s).append('\n'));
      temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return added;
    } catch (IOException e) {
      try {
        if (temporary != null) {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException ignored) {
        // the failure that matters is reported below
      }
      throw new AutogenException(ExitCode.USAGE, "cannot write the renames file " + file + ": " + e, e);
    }
  }
}
