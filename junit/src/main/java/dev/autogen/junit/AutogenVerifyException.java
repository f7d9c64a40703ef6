package dev.autogen.junit;

/**
 * {@code autogen verify} could not check the migrations: its configuration or input is wrong (exit code
 * 2) or the dev server cannot be reached (3). The message is the CLI's own one-line error.
 */
public final class AutogenVerifyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param message the CLI's error, never null
   * @param exitCode the CLI's exit code ({@code dev.autogen.cli.ExitCode})
   */
  public AutogenVerifyException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** @return the CLI's exit code: 2 for configuration or input, 3 for the database */
  public int exitCode() {
    return exitCode;
  }
}
