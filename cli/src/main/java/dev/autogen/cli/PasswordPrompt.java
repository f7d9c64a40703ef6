package dev.autogen.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Asks for the password of {@code --password} given without a value. Standard output carries the
 * report (JSON, Markdown) and must not receive the question: on a terminal the question goes to the
 * terminal ({@link Console#readPassword}, which does not echo); otherwise the password is one line of
 * standard input ({@code echo "$PW" | autogen diff --password}) and the question, if any, goes to
 * standard error.
 */
final class PasswordPrompt {

  /** The value picocli gives {@code --password} when it is given without one. */
  static final String ASK = "\0ask";

  private PasswordPrompt() {}

  /**
   * @param err standard error, where the question goes when there is no terminal, never null
   * @return the password typed or read, never null
   * @throws AutogenException (exit 2) when standard input ends before a line
   */
  static String ask(PrintWriter err) {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      if (typed == null) {
        throw new AutogenException(ExitCode.USAGE, "--password: no password typed (input ended)");
      }
      return new String(typed);
    }
    err.print("Password (one line from standard input): ");
    err.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
      err.println();
      if (line == null) {
        throw new AutogenException(ExitCode.USAGE,
            "--password without a value: standard input is empty; pipe the password in, or set AUTOGEN_PASSWORD");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
