package dev.autogen.bench;

import jakarta.persistence.Entity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated entity sources with the JDK's compiler, against the Jakarta Persistence API. */
public final class EntityCompiler {

  private EntityCompiler() {}

  /**
   * @param sources fully qualified class name to source
   * @param sourceDirectory where to write the sources (created when missing)
   * @param classDirectory where to write the class files (created when missing)
   * @throws IOException when a file cannot be written
   * @throws IllegalStateException when there is no JDK compiler or the sources do not compile
   */
  public static void compile(Map<String, String> sources, Path sourceDirectory, Path classDirectory)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler: run the benchmark on a JDK, not a JRE");
    }
    Files.createDirectories(classDirectory);
    List<String> args = new ArrayList<>(List.of("-d", classDirectory.toString(), "-classpath", persistenceApi(),
        "-proc:none", "-nowarn"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDirectory.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("generated entities do not compile: " + errors.toString(StandardCharsets.UTF_8));
    }
  }

  private static String persistenceApi() {
    try {
      return Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
