package dev.autogen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads autogen's version from {@code autogen-version.properties}, filled in by the build. */
public final class VersionProvider implements IVersionProvider {

  /** @return the version, e.g. {@code 0.1.0-SNAPSHOT} */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/autogen-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "autogen " + version(),
      "Hibernate ORM " + org.hibernate.Version.getVersionString() + ", Java " + System.getProperty("java.version")
    };
  }
}
