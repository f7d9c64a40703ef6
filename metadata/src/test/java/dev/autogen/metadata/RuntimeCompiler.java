package dev.autogen.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compiles entity sources at test time into a directory that is not on the test class path, so that
 * the reader's own class loader is the only one that sees them (and missing classes stay missing).
 */
final class RuntimeCompiler {

  private RuntimeCompiler() {}

  /**
   * @param sources fully qualified class name to source text
   * @param out the directory to write class files to
   * @return {@code out}
   */
  static Path compile(Map<String, String> sources, Path out) throws IOException {
    return dev.autogen.fixtures.JavaSources.compile(sources, out, annotationClassPath());
  }

  /**
   * @param classes a directory of class files
   * @param jar the jar to write
   * @return {@code jar}
   */
  static Path jar(Path classes, Path jar) throws IOException {
    return dev.autogen.fixtures.JavaSources.jar(classes, jar);
  }

  private static List<Path> annotationClassPath() {
    return List.of(dev.autogen.fixtures.JavaSources.location(jakarta.persistence.Entity.class),
        dev.autogen.fixtures.JavaSources.location(org.hibernate.annotations.Comment.class));
  }
}
