package dev.autogen.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that start a Java program on the JVM the benchmark itself runs on. */
public final class JavaCommand {

  private JavaCommand() {}

  /**
   * @param javaOptions JVM options such as {@code -Xss1g}, never null
   * @param launch what follows the options: {@code -jar JAR} or {@code -cp PATH MAIN}, then the program's
   *     arguments
   * @return {@code $JAVA_HOME/bin/java} of this JVM, the options, then launch
   */
  public static List<String> of(List<String> javaOptions, List<String> launch) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.addAll(launch);
    return command;
  }
}
