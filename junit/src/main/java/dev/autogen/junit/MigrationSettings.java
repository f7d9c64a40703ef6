package dev.autogen.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The project directory and the {@code autogen verify} options of one test class. Each option comes from,
 * first to last: the configuration parameter {@code autogen.<option>} (JUnit configuration parameters
 * fall back to JVM system properties and {@code junit-platform.properties}), the {@link
 * AutogenMigrationTests} annotation, then the CLI itself ({@code autogen.properties} in the project
 * directory, else its default). Keys: {@code autogen.directory}, {@code autogen.migrations}, {@code
 * autogen.packages} (comma-separated), {@code autogen.classpath}, {@code autogen.naming}, {@code
 * autogen.dev-url}, {@code autogen.user}, {@code autogen.require-undo} ({@code true}/{@code false}),
 * {@code autogen.seeds}, {@code autogen.from}, {@code autogen.base}, and {@code autogen.distribution} (not an
 * option: the command line the kit runs, {@link CliDistribution}).
 *
 * @param directory the project directory, never null ({@code Path.of("")}: the working directory)
 * @param options the options after {@code verify}, never null
 * @param distribution the autogen command line to run ({@code autogen.distribution}: its {@code
 *     autogen-cli-VERSION-bin.zip} or the directory it was unpacked into), or null for the one Maven
 *     resolved beside the kit
 */
public record MigrationSettings(Path directory, List<String> options, Path distribution) {

  /** The prefix of the configuration parameters and system properties. */
  public static final String PREFIX = "autogen.";

  /** Copies the list. */
  public MigrationSettings {
    options = List.copyOf(options);
  }

  /**
   * @param annotation the test class's settings, or null for the CLI's defaults
   * @param parameters a configuration parameter by its full key ({@code autogen.dev-url}), never null
   * @return the settings
   */
  public static MigrationSettings of(AutogenMigrationTests annotation, Function<String, Optional<String>> parameters) {
    List<String> options = new ArrayList<>();
    String directory = value(parameters, "directory", annotation == null ? "" : annotation.directory());
    option(options, "--migrations", value(parameters, "migrations", annotation == null ? "" : annotation.migrations()));
    option(options, "--packages", value(parameters, "packages",
        annotation == null ? "" : String.join(",", annotation.packages())));
    option(options, "--classpath", value(parameters, "classpath", annotation == null ? "" : annotation.classpath()));
    option(options, "--naming", value(parameters, "naming", annotation == null ? "" : annotation.naming()));
    option(options, "--dev-url", value(parameters, "dev-url", annotation == null ? "" : annotation.devUrl()));
    option(options, "--user", value(parameters, "user", annotation == null ? "" : annotation.user()));
    option(options, "--seeds", value(parameters, "seeds", annotation == null ? "" : annotation.seeds()));
    option(options, "--from", value(parameters, "from", annotation == null ? "" : annotation.from()));
    option(options, "--base", value(parameters, "base", annotation == null ? "" : annotation.base()));
    boolean requireUndo = parameters.apply(PREFIX + "require-undo").map(String::trim).map(Boolean::parseBoolean)
        .orElse(annotation != null && annotation.requireUndo());
    if (requireUndo) {
      options.add("--require-undo");
    }
    if (annotation != null) {
      options.addAll(Arrays.asList(annotation.options()));
    }
    String distribution = value(parameters, "distribution", "");
    return new MigrationSettings(Path.of(directory), options, distribution.isEmpty() ? null : Path.of(distribution));
  }

  private static String value(Function<String, Optional<String>> parameters, String key, String annotated) {
    return parameters.apply(PREFIX + key).map(String::trim).filter(s -> !s.isEmpty()).orElse(annotated.trim());
  }

  private static void option(List<String> options, String name, String value) {
    if (!value.isEmpty()) {
      options.add(name);
      options.add(value);
    }
  }
}
