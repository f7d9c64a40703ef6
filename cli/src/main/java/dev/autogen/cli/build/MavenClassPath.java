package dev.autogen.cli.build;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import dev.autogen.cli.cache.CacheKey;
import dev.autogen.cli.cache.CatalogCache;
import dev.autogen.cli.cache.KeyHasher;
import dev.autogen.cli.cache.Noted;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runtime class path of a Maven project, resolved by the project's own build: {@code ./mvnw} when
 * the project has an executable one, else {@code mvn} on {@code PATH}, running {@value #GOAL} for the
 * runtime scope in batch mode (quiet unless verbose), written to a temporary file; then the project's
 * own output directory ({@link MavenProject#outputDirectory()}) first. Maven's own configuration applies
 * ({@code .mvn/maven.config}, {@code ~/.m2/settings.xml}, e.g. offline mode).
 *
 * <p>The dependencies are cached ({@link CatalogCache#text}, kind {@value #KIND}) under the hash of
 * the project's build files ({@link MavenProject#buildFiles()}) and the Maven command, so a second run
 * does not start Maven; an entry naming a jar that no longer exists is resolved again.
 */
public final class MavenClassPath {

  /** The goal that lists the dependencies: the dependency plugin's version autogen's own build uses. */
  public static final String GOAL = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

  /** The cache kind of resolved class paths. */
  static final String KIND = "classpath";

  /**
   * The class path found.
   *
   * @param outputDirectories the project's own output directories (its classes), never null
   * @param dependencies its runtime dependencies' jars (and directories), in Maven's order, never null
   * @param note how the dependencies were found: {@code cache hit}, {@code cache miss} or {@code cache off}
   */
  public record Resolved(List<Path> outputDirectories, List<Path> dependencies, String note) {

    /** @throws NullPointerException when a component is null */
    public Resolved {
      outputDirectories = List.copyOf(outputDirectories);
      dependencies = List.copyOf(dependencies);
    }

    /** @return the output directories, then the dependencies: the class path */
    public List<Path> entries() {
      return Stream.concat(outputDirectories.stream(), dependencies.stream()).toList();
    }
  }

  private MavenClassPath() {}

  /**
   * @param project the project, never null
   * @param cache where resolved class paths are kept (off with {@code --no-cache}), never null
   * @param verbose receives Maven's command line and output (with {@code --verbose}), null for none
   * @return the class path
   * @throws AutogenException with {@link ExitCode#USAGE} when the project is an aggregator, when its output
   *     directory holds no classes (compile first), when neither {@code ./mvnw} nor {@code mvn} can be run,
   *     or when Maven fails (the message carries Maven's first {@code [ERROR]} line)
   */
  public static Resolved resolve(MavenProject project, CatalogCache cache, Consumer<String> verbose) {
    if (project.aggregator()) {
      throw new AutogenException(ExitCode.USAGE, project.pom() + " has packaging pom and compiles no classes: run "
          + "autogen in the module that holds the entities (or pass --project MODULE_DIR), or pass --classpath");
    }
    Path output = project.outputDirectory();
    if (!holdsClasses(output)) {
      throw new AutogenException(ExitCode.USAGE, "the project's output directory " + output + " holds no compiled "
          + "classes: compile the project first (./mvnw compile), or pass --classpath");
    }
    List<String> command = command(project);
    Noted<String> dependencies = cache.text(() -> key(cache, project, command),
        () -> run(project, command, verbose), MavenClassPath::allExist);
    return new Resolved(List.of(output), paths(dependencies.value()), dependencies.note());
  }

  /** @return the Maven executable: the project's executable {@code mvnw}, else {@code mvn} on PATH */
  static List<String> command(MavenProject project) {
    Path wrapper = project.directory().resolve("mvnw");
    if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
      return List.of(wrapper.toAbsolutePath().toString());
    }
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path mvn = Path.of(dir.isEmpty() ? "." : dir, "mvn");
      if (Files.isRegularFile(mvn) && Files.isExecutable(mvn)) {
        return List.of(mvn.toString());
      }
    }
    throw new AutogenException(ExitCode.USAGE, "cannot resolve the class path of " + project.pom() + ": there is no "
        + "executable ./mvnw and no mvn on PATH: install Maven, or pass --classpath");
  }

  private static CacheKey key(CatalogCache cache, MavenProject project, List<String> command) {
    KeyHasher hasher = cache.key(KIND).text("goal", GOAL).texts("maven", command)
        .text("project", project.directory().toAbsolutePath().normalize().toString());
    for (Path file : project.buildFiles()) {
      hasher.file("build file", file);
    }
    return hasher.key();
  }

  private static String run(MavenProject project, List<String> maven, Consumer<String> verbose) {
    Path listing = null;
    try {
      listing = Files.createTempFile("autogen-classpath", ".txt");
      List<String> command = new ArrayList<>(maven);
      command.addAll(List.of("-B", "-Dstyle.color=never", GOAL, "-Dmdep.outputFile=" + listing, "-Dmdep.includeScope=runtime"));
      if (verbose == null) {
        command.add(1, "-q");
      } else {
        verbose.accept("autogen: resolving the class path: " + String.join(" ", command));
      }
      ProcessBuilder builder = new ProcessBuilder(command).directory(project.directory().toFile())
          .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (verbose != null) {
        output.lines().forEach(verbose);
      }
      if (exit != 0) {
        throw new AutogenException(ExitCode.USAGE, "Maven could not resolve the class path of " + project.pom()
            + " (exit code " + exit + "): " + firstError(output) + " (run with --verbose for Maven's output, or pass "
            + "--classpath)");
      }
      return String.join("\n", Arrays.stream(Files.readString(listing, StandardCharsets.UTF_8).strip()
          .split(File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty()).toList());
    } catch (IOException e) {
      throw new AutogenException(ExitCode.USAGE, "cannot run " + maven.get(0) + " to resolve the class path of "
          + project.pom() + " (" + e.getMessage() + "): pass --classpath", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AutogenException(ExitCode.USAGE, "interrupted while Maven resolved the class path", e);
    } finally {
      if (listing != null) {
        try {
          Files.deleteIfExists(listing);
        } catch (IOException e) {
          // a temporary file left behind; the system's temporary directory is cleaned by others
        }
      }
    }
  }

  /** @return Maven's first {@code [ERROR]} line without its prefix, else its last non-blank line */
  static String firstError(String output) {
    List<String> lines = output.lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").strip())
        .filter(l -> !l.isEmpty()).toList();
    return lines.stream().filter(l -> l.startsWith("[ERROR]")).map(l -> l.substring("[ERROR]".length()).strip())
        .filter(l -> !l.isEmpty()).findFirst()
        .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
  }

  private static boolean holdsClasses(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static List<Path> paths(String lines) {
    return lines.lines().filter(l -> !l.isBlank()).map(Path::of).toList();
  }

  private static boolean allExist(String lines) {
    return paths(lines).stream().allMatch(Files::exists);
  }

  private static String nullDevice() {
    return File.separatorChar == '\\' ? "NUL" : "/dev/null";
  }
}
