package dev.autogen.cli.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Entity classes compiled for a test, in a package that is not on the test class path (so the
 * entity reader's class loader finds them only in the directory given with {@code --classpath}), and
 * copies of them damaged as a broken build or a partial copy leaves them: a truncated class file, a
 * referenced class missing.
 *
 * <p>The entities: {@code shop.Customer}, {@code shop.Review} (whose {@code @Embedded shop.Extra}
 * field refers to another class), and {@code shop.Helper}, no entity.
 */
final class DamagedEntities {

  /** The package of the compiled entities. */
  static final String PACKAGE = "badinput.shop";

  private static final Map<String, String> SOURCES = Map.of(
      "Customer", "@Entity public class Customer { @Id Long id; String name; }",
      "Review", "@Entity public class Review { @Id Long id; String body; @Embedded Extra extra; }",
      "Extra", "@Embeddable public class Extra { String note; }",
      "Helper", "public class Helper { Review latest() { return null; } }");

  private DamagedEntities() {}

  /**
   * @param dir an empty directory
   * @return the directory of the intact class files ({@code dir/intact})
   * @throws IOException when the sources cannot be written
   * @throws IllegalStateException when they do not compile or no compiler is at hand
   */
  static Path compile(Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src").resolve(PACKAGE.replace('.', '/')));
    Path classes = Files.createDirectories(dir.resolve("intact"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        "-proc:none", "-nowarn"));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = sources.resolve(source.getKey() + ".java");
      Files.writeString(file, "package " + PACKAGE + ";\nimport jakarta.persistence.*;\n" + source.getValue() + "\n");
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null || compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the test entities do not compile");
    }
    return classes;
  }

  /**
   * @param intact the directory {@link #compile} returned
   * @param target a directory that does not exist yet
   * @param simpleName the class whose file is cut to its first 200 bytes
   * @return target, a copy of intact with that class file truncated
   */
  static Path truncated(Path intact, Path target, String simpleName) throws IOException {
    copy(intact, target);
    Path file = classFile(target, simpleName);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, Math.min(200, bytes.length / 2)));
    return target;
  }

  /**
   * @param intact the directory {@link #compile} returned
   * @param target a directory that does not exist yet
   * @param simpleName the class whose file gets another major version
   * @param major the class file major version to write (bytes 6 and 7, JVM Specification 4.1)
   * @return target, a copy of intact with that class file marked as compiled for another Java
   */
  static Path forJava(Path intact, Path target, String simpleName, int major) throws IOException {
    copy(intact, target);
    Path file = classFile(target, simpleName);
    byte[] bytes = Files.readAllBytes(file);
    bytes[6] = (byte) (major >> 8);
    bytes[7] = (byte) major;
    Files.write(file, bytes);
    return target;
  }

  /**
   * @param intact the directory {@link #compile} returned
   * @param target a directory that does not exist yet
   * @param simpleName the class whose file is left out
   * @return target, a copy of intact without that class
   */
  static Path without(Path intact, Path target, String simpleName) throws IOException {
    copy(intact, target);
    Files.delete(classFile(target, simpleName));
    return target;
  }

  private static Path classFile(Path root, String simpleName) {
    return root.resolve(PACKAGE.replace('.', '/')).resolve(simpleName + ".class");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path copy = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    }
  }
}
