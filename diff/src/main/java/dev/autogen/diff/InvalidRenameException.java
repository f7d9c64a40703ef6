package dev.autogen.diff;

/**
 * A {@code --rename} the catalogs do not support: malformed, naming a table or column that does not
 * exist, or renaming to a name the entities do not have. The message is one actionable line.
 */
public class InvalidRenameException extends IllegalArgumentException {

  /** @param message one line naming the rename and what is wrong with it */
  public InvalidRenameException(String message) {
    super(message);
  }
}
