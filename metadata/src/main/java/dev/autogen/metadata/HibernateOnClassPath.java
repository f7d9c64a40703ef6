package dev.autogen.metadata;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code hibernate-core} jar on the application's class path and its version, as Maven and Gradle
 * lay it out ({@code hibernate-core-6.6.13.Final.jar}); the version is the jar manifest's {@code
 * Implementation-Version}, else the one in the file name.
 *
 * @param jar the jar, never null
 * @param version its version as written, e.g. {@code 6.6.13.Final}, never null
 * @param major its major version, e.g. 6
 * @param minor its minor version, e.g. 6
 */
public record HibernateOnClassPath(Path jar, String version, int major, int minor) {

  private static final Pattern JAR = Pattern.compile("hibernate-core-(\\d+\\.\\d+[^/]*)\\.jar");
  private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

  /**
   * @param classpath the application's class path entries, never null
   * @return the first {@code hibernate-core-*.jar} among them, empty when there is none (autogen then
   *     reads with its bundled Hibernate)
   * @throws SchemaSourceException ({@link Reason#INPUT}) when that jar cannot be read or its version
   *     has no {@code major.minor}
   */
  public static Optional<HibernateOnClassPath> find(List<Path> classpath) {
    for (Path entry : classpath) {
      Matcher name = JAR.matcher(entry.getFileName() == null ? "" : entry.getFileName().toString());
      if (name.matches() && Files.isRegularFile(entry)) {
        String version = manifestVersion(entry);
        return Optional.of(of(entry, version == null ? name.group(1) : version));
      }
    }
    return Optional.empty();
  }

  private static HibernateOnClassPath of(Path jar, String version) {
    Matcher parts = MAJOR_MINOR.matcher(version);
    if (!parts.matches()) {
      throw new SchemaSourceException(Reason.INPUT, "cannot tell the version of " + jar + " (" + version + ")", null);
    }
    return new HibernateOnClassPath(jar, version, Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)));
  }

  private static String manifestVersion(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
    } catch (IOException e) {
      throw new SchemaSourceException(Reason.INPUT, "cannot read " + jar + ": " + Messages.oneLine(e.getMessage()), e);
    }
  }
}
