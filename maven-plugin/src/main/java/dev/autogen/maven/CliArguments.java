package dev.autogen.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The command line the goals hand to autogen's CLI ({@code dev.autogen.cli.Main}): each goal parameter
 * that is set becomes the CLI option of the same meaning, so the plugin has no option semantics of its
 * own (defaults, precedence over {@code autogen.properties}, validation are the CLI's). Unset
 * parameters (null, blank, empty, false) are left out, so that the CLI's defaults and the project's
 * {@code autogen.properties} apply.
 */
final class CliArguments {

  /** Options whose value is a secret: shown as {@code ***} by {@link #toString()}. */
  private static final Set<String> SECRET = Set.of("--password");

  private final List<String> arguments = new ArrayList<>();

  /** @param command the CLI subcommand, e.g. {@code check}; never null */
  CliArguments(String command) {
    arguments.add(command);
  }

  /**
   * @param name the CLI option, e.g. {@code --url}
   * @param value its value; left out when null or blank
   * @return this
   */
  CliArguments option(String name, String value) {
    if (value != null && !value.isBlank()) {
      arguments.add(name);
      arguments.add(value);
    }
    return this;
  }

  /**
   * @param name the CLI option, e.g. {@code --migrations}
   * @param file its value, passed as an absolute path; left out when null
   * @return this
   */
  CliArguments option(String name, File file) {
    return option(name, file == null ? null : file.getAbsolutePath());
  }

  /**
   * @param name a CLI option that takes a comma-separated list, e.g. {@code --packages}
   * @param values its values; left out when null or empty
   * @return this
   */
  CliArguments option(String name, Collection<String> values) {
    return values == null || values.isEmpty() ? this : option(name, String.join(",", values));
  }

  /**
   * @param name a repeatable CLI option, e.g. {@code --rename}, given once per value
   * @param values its values; left out when null or empty
   * @return this
   */
  CliArguments repeated(String name, Collection<String> values) {
    if (values != null) {
      values.forEach(v -> option(name, v));
    }
    return this;
  }

  /**
   * @param name a CLI flag, e.g. {@code --no-cache}
   * @param on whether to give it
   * @return this
   */
  CliArguments flag(String name, boolean on) {
    if (on) {
      arguments.add(name);
    }
    return this;
  }

  /** @return the arguments, subcommand first */
  String[] toArray() {
    return arguments.toArray(String[]::new);
  }

  /** @return the command line as a log may show it: the values of secret options as {@code ***} */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder("autogen");
    for (int i = 0; i < arguments.size(); i++) {
      boolean secret = i > 0 && SECRET.contains(arguments.get(i - 1));
      line.append(' ').append(secret ? "***" : arguments.get(i));
    }
    return line.toString();
  }
}
