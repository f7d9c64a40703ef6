package dev.autogen.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs autogen as the benchmark measures it. */
public final class AutogenCommand {

  private AutogenCommand() {}

  /**
   * @param autogen the launcher script users run ({@code ./autogen}), or a jar, run with plain {@code
   *     java -jar} on the benchmark's JVM, when the path ends in {@code .jar}; never null
   * @param subcommand {@code check}, {@code diff}, ...
   * @param arguments the subcommand's options
   * @return the command
   */
  public static List<String> of(Path autogen, String subcommand, List<String> arguments) {
    List<String> command = new ArrayList<>(autogen.toString().endsWith(".jar")
        ? JavaCommand.of(List.of(), List.of("-jar", autogen.toString()))
        : List.of(autogen.toAbsolutePath().toString()));
    command.add(subcommand);
    command.addAll(arguments);
    return command;
  }
}
