package dev.autogen.metadata;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

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
    // beside the output, so the test's temporary directory removes the sources too
    Path src = Files.createDirectories(out.resolveSibling(out.getFileName() + "-sources"));
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", annotationClassPath()));
    for (var e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = javac.run(null, null, errors, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException("test sources do not compile: " + errors.toString(StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * @param classes a directory of class files
   * @param jar the jar to write
   * @return {@code jar}
   */
  static Path jar(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static String annotationClassPath() {
    return String.join(java.io.File.pathSeparator,
        location(jakarta.persistence.Entity.class), location(org.hibernate.annotations.Comment.class));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
