package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The settings of a {@code .properties} text ({@code hibernate.properties}, {@code
 * application.properties}), read as {@link Properties#load(java.io.Reader)} reads it, each with the line
 * that sets it.
 */
final class PropertiesSource {

  private PropertiesSource() {}

  /**
   * @param text the file's content (UTF-8 decoded, as Spring Boot reads {@code application.properties})
   * @param name the file's name for messages and sources, e.g. {@code /app/config/application.properties}
   * @return its settings, sorted by key, each with source {@code name:line}
   * @throws AutogenException with {@link ExitCode#USAGE} when the text holds a malformed {@code \}{@code
   *     uxxxx} escape
   */
  static List<Setting> read(String text, String name) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IllegalArgumentException | IOException e) {
      throw new AutogenException(ExitCode.USAGE, name + ": not a properties file: " + e.getMessage(), e);
    }
    List<String> lines = text.lines().toList();
    List<Setting> settings = new ArrayList<>();
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      String source = name + lineOf(lines, key).map(n -> ":" + n).orElse("");
      settings.add(new Setting(key, properties.getProperty(key), source));
    }
    return settings;
  }

  /**
   * @param lines the file's lines
   * @param key a key the file sets
   * @return the 1-based number of the last line (the one that wins) that visibly sets the key: it
   *     starts, after blanks, with the key followed by {@code =}, {@code :}, a blank or the line's end
   */
  static Optional<Integer> lineOf(List<String> lines, String key) {
    Optional<Integer> found = Optional.empty();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.startsWith(key) && (line.length() == key.length() || "=: \t".indexOf(line.charAt(key.length())) >= 0)) {
        found = Optional.of(i + 1);
      }
    }
    return found;
  }
}
