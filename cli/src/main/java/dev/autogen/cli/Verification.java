package dev.autogen.cli;

import dev.autogen.cli.verify.MigrationVersions;
import dev.autogen.cli.verify.VerifyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One run of {@code autogen verify} inside the caller's JVM, with its result as values rather than text:
 * the entry point of the JUnit 5 kit ({@code autogen-junit}), which turns the result into dynamic tests.
 * The run is exactly the command line's ({@link Main#execute(String[], PrintWriter, PrintWriter, Path)}):
 * the same options, {@code autogen.properties} in the project directory as defaults, the same checks,
 * messages and exit codes.
 *
 * @param exitCode the exit code, one of {@link ExitCode}
 * @param versions the migrations directory's files as the run read them; null when the run stopped
 *     before reading it (bad input)
 * @param report what the checks found; null when the run stopped with an error (exit code 2 or 3)
 * @param output what the command printed (the text report), never null
 * @param errors the one-line error messages printed, {@code autogen: ...}, never null
 */
public record Verification(int exitCode, MigrationVersions versions, VerifyReport report, String output,
    String errors) {

  /**
   * Runs {@code autogen verify OPTIONS} as if autogen had been started in {@code directory}.
   *
   * @param options the options after {@code verify}, as on the command line (e.g. {@code --dev-url URL}),
   *     never null
   * @param directory the project directory: {@code autogen.properties} is read there and relative paths
   *     resolve against it; never null ({@code Path.of("")} is the working directory)
   * @return the result; {@link #report()} is null exactly when the run failed before checking
   *     (configuration, input or database errors: see {@link #errors()} and {@link #exitCode()})
   */
  public static Verification run(List<String> options, Path directory) {
    List<String> args = new ArrayList<>();
    args.add("verify");
    args.addAll(options);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine[] built = new CommandLine[1];
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), directory,
        cli -> built[0] = cli);
    Optional<VerifyCommand> command = Optional.ofNullable(built[0])
        .map(cli -> cli.getSubcommands().get("verify")).map(cli -> (VerifyCommand) cli.getCommand());
    return new Verification(code, command.map(c -> c.versions).orElse(null),
        command.map(c -> c.verifyReport).orElse(null), out.toString(), err.toString());
  }
}
