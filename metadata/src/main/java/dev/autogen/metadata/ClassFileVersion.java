package dev.autogen.metadata;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error for a class compiled for a newer Java than the one autogen runs on ({@link
 * UnsupportedClassVersionError}), in one line that names both versions and the remedy: {@code class
 * com.x.Foo was compiled for Java 21 (class file 65); autogen runs on Java 17: run it with JAVA_HOME set
 * to Java 21 or newer}. A class file's major version is Java's feature release plus 44 (JVM
 * Specification 4.1: 61 is Java 17, 65 is Java 21).
 */
final class ClassFileVersion {

  /** The JDK's message: {@code com/x/Foo has been compiled by ... (class file version 65.0), ...}. */
  private static final Pattern MESSAGE = Pattern.compile("^(\\S+) has been compiled .*class file version (\\d+)\\.");
  private static final int JAVA_OFFSET = 44;

  private ClassFileVersion() {}

  /**
   * @param e the error the JVM raised
   * @param className the class being loaded, or null when only the error names it
   * @param loader where to read that class file from, to find its major version when the error's
   *     message does not say it
   * @return the one-line input error ({@link Reason#INPUT}, exit code 2 in the CLI)
   */
  static SchemaSourceException tooNew(UnsupportedClassVersionError e, String className, ClassLoader loader) {
    String name = className;
    int major = -1;
    Matcher m = MESSAGE.matcher(e.getMessage() == null ? "" : e.getMessage());
    if (m.find()) {
      name = name == null ? m.group(1).replace('/', '.') : name;
      major = Integer.parseInt(m.group(2));
    } else if (name != null) {
      major = major(name, loader);
    }
    int running = Runtime.version().feature();
    String which = name == null ? "a class the entities use" : "class " + name;
    if (major < 0) {
      return new SchemaSourceException(Reason.INPUT, which + " was compiled for a newer Java than autogen runs on (Java "
          + running + "): run it with JAVA_HOME set to the Java the project builds with (" + Messages.oneLine(
          e.getMessage()) + ")", e);
    }
    int needed = major - JAVA_OFFSET;
    return new SchemaSourceException(Reason.INPUT, which + " was compiled for Java " + needed + " (class file " + major
        + "); autogen runs on Java " + running + ": run it with JAVA_HOME set to Java " + needed + " or newer", e);
  }

  /** @return the class file's major version (bytes 6 and 7, JVM Specification 4.1), or -1 when unreadable */
  private static int major(String className, ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
      if (in == null) {
        return -1;
      }
      byte[] head = in.readNBytes(8);
      return head.length < 8 ? -1 : ((head[6] & 0xff) << 8) | (head[7] & 0xff);
    } catch (IOException ex) {
      return -1;
    }
  }
}
