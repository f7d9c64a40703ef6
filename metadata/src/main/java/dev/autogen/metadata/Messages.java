package dev.autogen.metadata;

/** Hibernate's and the class loader's messages, folded to the one line a user error may have. */
final class Messages {

  private Messages() {}

  /**
   * @param message a message that may span lines, or null
   * @return it on one line (line breaks and the blanks around them become one space), or {@code (no
   *     message)} when null
   */
  static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
