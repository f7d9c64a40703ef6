package dev.autogen.cli.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes compiled for a test from source text, in packages that are not on the test class path, so
 * that autogen finds them only where the test puts them (a directory, a jar, a Maven project): {@link
 * dev.autogen.fixtures.JavaSources} with the package line written from the class name and the test
 * class path to compile against.
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
    Map<String, String> sources = new LinkedHashMap<>();
    classes.forEach((name, text) ->
        sources.put(name, "package " + name.substring(0, name.lastIndexOf('.')) + ";\n" + text + "\n"));
    List<Path> cp = new ArrayList<>(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList());
    cp.addAll(classpath);
    return dev.autogen.fixtures.JavaSources.compile(sources, out, cp);
  }

  /**
   * @param classes a directory of class files
   * @param jar the jar to write
   * @return jar, holding the directory's files
   */
  static Path jar(Path classes, Path jar) throws IOException {
    return dev.autogen.fixtures.JavaSources.jar(classes, jar);
  }
}
