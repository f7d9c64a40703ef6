package dev.autogen.cli.rename;

import dev.autogen.cli.ContinuousIntegration;
import dev.autogen.codegen.text.VisibleText;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where questions are asked and answered: the user's terminal, or in tests a scripted reader. A
 * question names tables and columns from the catalog: it is printed on one line with its control
 * characters made visible ({@link VisibleText#oneLine(String)}).
 */
public interface Terminal {

  /**
   * @param question the question with its answer choices, e.g. {@code Did you rename a to b? [y/N]}
   * @return the line answered, or null when input has ended
   */
  String ask(String question);

  /**
   * The terminal of this process, if there is one to ask: never with {@code --no-input}, never in
   * CI (the {@code CI} environment variable set, as GitHub Actions, GitLab CI and most others set it),
   * never when standard input or output is redirected ({@link System#console()} is null then, on Java
   * 17 to 21).
   *
   * @param noInput whether {@code --no-input} was given
   * @return the terminal, or empty when nothing may be asked
   */
  static Optional<Terminal> system(boolean noInput) {
    Console console = System.console();
    if (noInput || ContinuousIntegration.detected() || console == null) {
      return Optional.empty();
    }
    return Optional.of(question -> console.readLine("%s ", VisibleText.oneLine(question)));
  }

  /**
   * @param in where answers come from, one per line
   * @param out where questions go
   * @return a terminal over those streams
   */
  static Terminal of(BufferedReader in, PrintWriter out) {
    return question -> {
      out.print(VisibleText.oneLine(question) + " ");
      out.flush();
      try {
        return in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
