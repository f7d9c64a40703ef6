package dev.autogen.cli;

import dev.autogen.cli.build.LocalRepository;
import dev.autogen.diff.InvalidRenameException;
import dev.autogen.model.MissingClassException;
import dev.autogen.model.SchemaSourceException;
import java.io.File;
import dev.autogen.introspect.JdbcUrls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point: builds the picocli command line, reads {@code autogen.properties} from the working
 * directory as defaults, and turns failures into one-line messages and the documented exit codes
 * ({@link ExitCode}); {@code --verbose} adds the stack trace. Everything printed passes {@link
 * TerminalWriter}: no name or message can send a control sequence to the terminal or forge a line.
 */
public final class Main {

  /** The optional configuration file, in the working directory. */
  public static final String PROPERTIES_FILE = "autogen.properties";

  private Main() {}

  /**
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    Timings.mainEntered();
    // Hibernate (through JBoss Logging) and SchemaCrawler log to java.util.logging's console handler;
    // autogen prints only what the user asked for, so the handlers go (errors surface as exceptions).
    java.util.logging.LogManager.getLogManager().reset();
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs one command without exiting the JVM (tests and embedding use this).
   *
   * @param args command-line arguments
   * @param out where results go
   * @param err where errors go
   * @return the exit code, one of {@link ExitCode}
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, new File(PROPERTIES_FILE));
  }

  /**
   * Runs one command as if autogen had been started in {@code directory}, without exiting the JVM: the
   * Maven plugin's entry point, which runs in the build's JVM whose working directory may be another
   * module's. {@code autogen.properties} is read from {@code directory}, and every relative path of
   * an option or a default (the class path {@code target/classes}, the migrations directory, the
   * caches, the baseline and renames files, the application's {@code config/}) is taken relative to it.
   *
   * @param args command-line arguments
   * @param out where results go
   * @param err where errors go
   * @param directory the project directory, never null
   * @return the exit code, one of {@link ExitCode}
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Path directory) {
    return execute(args, out, err, directory.resolve(PROPERTIES_FILE).toFile(), directory);
  }

  /**
   * @param args command-line arguments
   * @param out where results go
   * @param err where errors go
   * @param properties the configuration file to take defaults from when it exists
   * @return the exit code, one of {@link ExitCode}
   */
  static int execute(String[] args, PrintWriter out, PrintWriter err, File properties) {
    return execute(args, out, err, properties, Path.of(""));
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err, File properties, Path directory) {
    PrintWriter terminalOut = TerminalWriter.of(out);
    PrintWriter terminalErr = TerminalWriter.of(err);
    try {
      CommandLine cli = commandLine(properties, directory);
      cli.setOut(terminalOut);
      cli.setErr(terminalErr);
      // picocli's help colours are escape sequences, which TerminalWriter shows as symbols: plain help
      cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
      return cli.execute(args);
    } catch (AutogenException e) {
      // the configuration file, read before the command line is parsed
      terminalErr.println("autogen: " + e.getMessage());
      return e.exitCode();
    } catch (LinkageError e) {
      // picocli hands only Exceptions to the handler; a class that cannot be loaded is input, not a crash
      terminalErr.println("autogen: a class cannot be loaded (" + e.getClass().getSimpleName() + ": "
          + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ") + "): check --classpath");
      return ExitCode.USAGE;
    } finally {
      terminalOut.flush();
      terminalErr.flush();
    }
  }

  /**
   * @throws AutogenException with {@link ExitCode#USAGE} when the configuration file exists but is
   *     malformed or holds a key that is no option ({@link ProjectProperties})
   */
  private static CommandLine commandLine(File properties, Path directory) {
    AutogenCommand command = new AutogenCommand();
    CommandLine cli = new CommandLine(command);
    // an option's value may be a subcommand's name: autogen -m check, --author demo
    cli.setAllowSubcommandsAsOptionParameters(true);
    command.options.directory = directory;
    if (properties.isFile()) {
      ProjectProperties settings = ProjectProperties.read(properties.toPath());
      settings.requireKnownKeys(cli.getCommandSpec());
      cli.setDefaultValueProvider(settings);
      command.options.projectProperties = settings;
    }
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setParameterExceptionHandler((e, args) -> {
      e.getCommandLine().getErr().println("autogen: " + e.getMessage() + " (see --help)");
      return ExitCode.USAGE;
    });
    cli.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
    return cli;
  }

  private static int handle(Exception e, CommandLine cmd, ParseResult parsed) {
    int code;
    String message;
    if (e instanceof AutogenException a) {
      code = a.exitCode();
      message = a.getMessage();
    } else if (e instanceof SchemaSourceException s) {
      code = s.reason() == SchemaSourceException.Reason.UNREACHABLE ? ExitCode.DATABASE : ExitCode.USAGE;
      // a class a dependency jar left off the class path would provide: say which artifact holds it
      message = s.getMessage() + (s instanceof MissingClassException m ? LocalRepository.standard().hint(m.className()) : "");
    } else if (e instanceof InvalidRenameException) {
      code = ExitCode.USAGE;
      message = e.getMessage();
    } else {
      code = ExitCode.USAGE;
      message = "unexpected error: " + e + " (run with --verbose for details)";
    }
    PrintWriter err = cmd.getErr();
    List<String> secrets = secrets(cmd);
    err.println("autogen: " + masked(message, secrets));
    if (verbose(parsed)) {
      // a driver's message or a cause can repeat a URL whole, or a host taken from bob:s3cret@host
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(masked(trace.toString(), secrets));
    }
    err.flush();
    return code;
  }

  /** @return the secrets of the run's options ({@link ProjectOptions#secrets()}); none when unknown */
  private static List<String> secrets(CommandLine cmd) {
    Object root = cmd.getCommandSpec().root().userObject();
    return root instanceof AutogenCommand command && command.options != null ? command.options.secrets() : List.of();
  }

  private static String masked(String text, List<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, JdbcUrls.HIDDEN);
    }
    return masked;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
