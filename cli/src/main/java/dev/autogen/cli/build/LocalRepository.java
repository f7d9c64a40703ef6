package dev.autogen.cli.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Says which artifacts of the local Maven repository hold a class, so that an error about a missing
 * class can name the dependency to add. The search is cheap and bounded, guided by the class's
 * package: group ids usually begin with the package name's leading segments ({@code
 * com.fasterxml.jackson.databind.JsonNode} is in {@code com.fasterxml.jackson.core:jackson-databind}),
 * so only the repository directories of the package and of its ancestors down to two segments are
 * searched, at most {@value #MAX_DEPTH} levels deep, opening at most {@value #MAX_JARS} jars. A class
 * whose artifact lies elsewhere, or that was never downloaded, is not found: the error then just names
 * the class.
 *
 * @param root the repository's directory, e.g. {@code ~/.m2/repository}, never null
 */
public record LocalRepository(Path root) {

  /** How many jars one search opens, at most. */
  static final int MAX_JARS = 400;

  /** How deep below a package's directory a search goes (group rest, artifact, version, file). */
  static final int MAX_DEPTH = 6;

  /** How many artifacts a hint names, at most. */
  private static final int MAX_NAMED = 3;

  /**
   * @return the repository Maven uses by default: the system property {@code maven.repo.local} when
   *     set, else {@code ~/.m2/repository} (a {@code localRepository} of {@code settings.xml} is not read)
   */
  public static LocalRepository standard() {
    String configured = System.getProperty("maven.repo.local");
    return new LocalRepository(configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  /**
   * @param className a binary class name, e.g. {@code com.example.Money}; never null
   * @return the artifacts that hold it, as {@code groupId:artifactId:version} (the highest version
   *     found of each, {@link #newer}), at most {@value #MAX_NAMED}; empty when none is found or the repository
   *     does not exist
   */
  public List<String> artifactsHolding(String className) {
    String entry = className.replace('.', '/') + ".class";
    String[] segments = className.split("\\.");
    Map<String, String> found = new LinkedHashMap<>();
    int[] opened = {0};
    for (int length = segments.length - 1; length >= 2 && found.isEmpty() && opened[0] < MAX_JARS; length--) {
      Path dir = root.resolve(String.join("/", java.util.Arrays.copyOf(segments, length)));
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path jar : jars(dir)) {
        if (opened[0]++ >= MAX_JARS) {
          break;
        }
        if (holds(jar, entry)) {
          coordinates(jar).ifPresent(c -> found.merge(c.substring(0, c.lastIndexOf(':')), c, LocalRepository::newer));
        }
      }
    }
    return found.values().stream().limit(MAX_NAMED).toList();
  }

  /**
   * @param className the missing class
   * @return {@code ; the local Maven repository has it in g:a:v (add that dependency)}, or the empty
   *     string when it is not found
   */
  public String hint(String className) {
    List<String> artifacts = artifactsHolding(className);
    return artifacts.isEmpty() ? "" : "; the local Maven repository has it in " + String.join(", ", artifacts)
        + " (add " + (artifacts.size() == 1 ? "that dependency" : "one of those dependencies") + ")";
  }

  /** @return of two coordinates of one artifact, the one of the higher version (numeric parts compared as numbers) */
  static String newer(String a, String b) {
    String[] x = a.substring(a.lastIndexOf(':') + 1).split("[.-]");
    String[] y = b.substring(b.lastIndexOf(':') + 1).split("[.-]");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int order = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
          ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
      if (order != 0) {
        return order > 0 ? a : b;
      }
    }
    return x.length >= y.length ? a : b;
  }

  private static List<Path> jars(Path dir) {
    try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
      }).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  private static boolean holds(Path jar, String entry) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(entry) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** @return {@code groupId:artifactId:version} of a jar laid out as {@code group/path/artifact/version/file.jar} */
  private java.util.Optional<String> coordinates(Path jar) {
    Path relative = root.relativize(jar);
    int n = relative.getNameCount();
    if (n < 4) {
      return java.util.Optional.empty();
    }
    List<String> group = new ArrayList<>();
    for (int i = 0; i < n - 3; i++) {
      group.add(relative.getName(i).toString());
    }
    return java.util.Optional.of(String.join(".", group) + ":" + relative.getName(n - 3) + ":" + relative.getName(n - 2));
  }
}
