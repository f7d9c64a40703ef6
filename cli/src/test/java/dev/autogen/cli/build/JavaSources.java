package dev.autogen.cli.build;

import java.io.File;
import java.io.IOException;
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
 * Classes compiled for a test from source text, in packages that are not on the test class path, so
 * that autogen finds them only where the test puts them (a directory, a jar, a Maven project).
 */
final class JavaSources {

  private JavaSources() {}

  /**
   * @param classes binary class name to source text after the package line (imports included)
   * @param out the directory the class files go to, created
   * @param classpath what the sources compile against besides the test class path (JPA, Hibernate)
   * @return out
   * @throws IllegalStateException when they do not compile
   */
  static Path compile(Map<String, String> classes, Path out, List<Path> classpath) throws IOException {
    Path sources = Files.createTempDirectory("autogen-sources");
    List<String> cp = new ArrayList<>(List.of(System.getProperty("java.class.path")));
    classpath.forEach(p -> cp.add(p.toString()));
    List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(out).toString(), "-cp",
        String.join(File.pathSeparator, cp), "-proc:none", "-nowarn"));
    for (Map.Entry<String, String> source : classes.entrySet()) {
      String name = source.getKey();
      int dot = name.lastIndexOf('.');
      Path file = sources.resolve(name.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "package " + name.substring(0, dot) + ";\n" + source.getValue() + "\n");
      args.add(file.toString());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null || compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("the test sources do not compile");
    }
    return out;
  }

  /**
   * @param classes a directory of class files
   * @param jar the jar to write
   * @return jar, holding the directory's files
   */
  static Path jar(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, out); // leaves the jar stream open for the next entry
        out.closeEntry();
      }
    }
    return jar;
  }
}
