package dev.autogen.model;

/**
 * A source could not be read. The message is one actionable line; the cause keeps the detail.
 */
public class SchemaSourceException extends RuntimeException {

  /** Why a source failed, so the command line can map it to an exit code. */
  public enum Reason {
    /** The database could not be reached or refused the login (exit code 3). */
    UNREACHABLE,
    /** The input given by the user is wrong: no entities, bad class path, bad option (exit 2). */
    INPUT
  }

  private final Reason reason;

  /**
   * @param reason why it failed, never null
   * @param message one actionable line
   * @param cause the underlying exception, may be null
   */
  public SchemaSourceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** @return why the source failed */
  public Reason reason() {
    return reason;
  }
}
