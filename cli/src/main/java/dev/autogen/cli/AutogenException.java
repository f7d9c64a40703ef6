package dev.autogen.cli;

/**
 * A failure the user can act on: its message is printed as one line and the process exits with
 * {@link #exitCode()}.
 */
public class AutogenException extends RuntimeException {

  private final int exitCode;

  /**
   * @param exitCode one of {@link ExitCode}
   * @param message one actionable line, never containing a password
   * @param cause the underlying exception, shown with {@code --verbose}; may be null
   */
  public AutogenException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * @param exitCode one of {@link ExitCode}
   * @param message one actionable line
   */
  public AutogenException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  /** @return the exit code for this failure */
  public int exitCode() {
    return exitCode;
  }
}
