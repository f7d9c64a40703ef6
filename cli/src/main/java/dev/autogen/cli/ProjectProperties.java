package dev.autogen.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import dev.autogen.cli.config.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The project's {@code autogen.properties}: defaults for the command-line options, read strictly.
 *
 * <p>A key is an option's long name without its leading dashes ({@code url}, {@code fail-on}, {@code
 * include-tables}), the one form accepted; the value is what the option takes on the command line, and
 * the command line wins. The file is read as {@link Properties#load(Reader)} reads it (UTF-8): a
 * backslash starts an escape, so a Windows path is written with {@code \\} or {@code /}.
 *
 * <p>Besides options, the file may set the application's Hibernate settings under their own keys
 * ({@code hibernate.type.preferred_instant_jdbc_type=TIMESTAMP}): they are applied to the entities'
 * Hibernate above every setting of the application's own files ({@link
 * dev.autogen.cli.config.ApplicationConfigReader}).
 *
 * <p>Nothing in the file is ignored silently: a file that cannot be read, a malformed {@code \}{@code
 * uxxxx} escape (the line is named), or a key that is no option (the closest option is suggested, by
 * Levenshtein distance) is a configuration error, exit code {@link ExitCode#USAGE}.
 */
final class ProjectProperties implements CommandLine.IDefaultValueProvider {

  /** Options that are actions, not settings: never taken from the file. */
  private static final Set<String> NOT_SETTINGS = Set.of("help", "version");

  /** The farthest a misspelt key may be from an option's name for that name to be suggested. */
  private static final int MAX_SUGGESTION_DISTANCE = 3;

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  private final Path file;
  private final List<String> lines;
  private final Properties properties;

  private ProjectProperties(Path file, List<String> lines, Properties properties) {
    this.file = file;
    this.lines = lines;
    this.properties = properties;
  }

  /**
   * @param file the configuration file, which exists; never null
   * @return its settings
   * @throws AutogenException with {@link ExitCode#USAGE} when the file cannot be read or holds a
   *     malformed {@code \}{@code uxxxx} escape (naming the file and the line)
   */
  static ProjectProperties read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    List<String> lines = text.lines().toList();
    Properties properties = new Properties();
    try {
      properties.load(new java.io.StringReader(text));
    } catch (IllegalArgumentException e) {
      // Properties.load: "Malformed \\uxxxx encoding."; it does not say where
      throw new AutogenException(ExitCode.USAGE, file + malformedEscapeLine(lines).map(n -> " line " + n).orElse("")
          + ": malformed \\uxxxx escape: a backslash starts an escape in a properties file, so write a Windows "
          + "path with \\\\ or / (C:\\\\users\\\\app or C:/users/app)", e);
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ProjectProperties(file, lines, properties);
  }

  /**
   * @param root the top-level command, whose options and its subcommands' options are the known keys
   * @throws AutogenException with {@link ExitCode#USAGE} for the first key that is no option's long
   *     name without its leading dashes, naming the file, its line and the option meant when one is close
   */
  void requireKnownKeys(CommandSpec root) {
    Set<String> known = keys(root);
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      if (!known.contains(key) && !isHibernateSetting(key)) {
        throw new AutogenException(ExitCode.USAGE, file + lineOf(key).map(n -> " line " + n).orElse("")
            + ": unknown key '" + key + "'" + suggestion(key, known)
            + " (keys are the long option names without the leading --, e.g. url, fail-on; see autogen --help)");
      }
    }
  }

  /** @return whether the key is one of Hibernate's settings ({@code hibernate.*}), passed to Hibernate */
  private static boolean isHibernateSetting(String key) {
    return key.startsWith("hibernate.") && key.length() > "hibernate.".length();
  }

  /** @return the file's Hibernate settings ({@code hibernate.*} keys), sorted, each with its file and line */
  List<Setting> hibernateSettings() {
    return new TreeSet<>(properties.stringPropertyNames()).stream().filter(ProjectProperties::isHibernateSetting)
        .map(k -> new Setting(k, properties.getProperty(k), source(k))).toList();
  }

  /**
   * @param key an option's key
   * @return where the file sets it ({@code autogen.properties:3}), when it does
   */
  Optional<String> sourceOf(String key) {
    return properties.containsKey(key) ? Optional.of(source(key)) : Optional.empty();
  }

  /** @return the value the file gives the key, or null */
  String value(String key) {
    return properties.getProperty(key);
  }

  private String source(String key) {
    return file + lineOf(key).map(n -> ":" + n).orElse("");
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    return argSpec instanceof OptionSpec option ? properties.getProperty(key(option)) : null;
  }

  /** @return the key of an option: its longest name without leading dashes, e.g. {@code fail-on} */
  static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  private static Set<String> keys(CommandSpec command) {
    Set<String> keys = new TreeSet<>();
    command.options().stream().map(ProjectProperties::key).filter(k -> !NOT_SETTINGS.contains(k)).forEach(keys::add);
    command.subcommands().values().forEach(sub -> keys.addAll(keys(sub.getCommandSpec())));
    return keys;
  }

  /**
   * @return {@code  (write it as 'fail-on')} when the key is another spelling of a known one ({@code
   *     --fail-on}, {@code failOn}, {@code fail_on}), else {@code  (did you mean 'url'?)} for the closest
   *     known key within {@value #MAX_SUGGESTION_DISTANCE} edits, else nothing
   */
  private static String suggestion(String key, Set<String> known) {
    String respelt = CAMEL_HUMP.matcher(key.replaceFirst("^-+", "")).replaceAll("$1-$2")
        .replace('_', '-').replace('.', '-').toLowerCase(Locale.ROOT);
    if (known.contains(respelt)) {
      return " (write it as '" + respelt + "')";
    }
    LevenshteinDistance distance = new LevenshteinDistance(MAX_SUGGESTION_DISTANCE);
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (String candidate : known) {
      int edits = distance.apply(respelt, candidate);
      if (edits >= 0 && edits < best) {
        best = edits;
        closest = candidate;
      }
    }
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  /** @return the 1-based number of the first line that sets the key, when one visibly does */
  private Optional<Integer> lineOf(String key) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.startsWith(key) && (line.length() == key.length() || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the 1-based number of the first line, not a comment, with a backslash followed by {@code u}
   *     and fewer than four hexadecimal digits ({@code \\} escapes a backslash)
   */
  static Optional<Integer> malformedEscapeLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      if (trimmed.startsWith("#") || trimmed.startsWith("!")) {
        continue;
      }
      for (int c = 0; c < line.length() - 1; c++) {
        if (line.charAt(c) != '\\') {
          continue;
        }
        if (line.charAt(c + 1) == 'u' && !hex4(line, c + 2)) {
          return Optional.of(i + 1);
        }
        c++;
      }
    }
    return Optional.empty();
  }

  private static boolean hex4(String line, int from) {
    if (line.length() < from + 4) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(line.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
