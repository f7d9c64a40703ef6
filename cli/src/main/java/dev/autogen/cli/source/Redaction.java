package dev.autogen.cli.source;

/** Keeps passwords out of everything autogen prints. */
public final class Redaction {

  private Redaction() {}

  /**
   * @param jdbcUrl a JDBC URL that may carry {@code password=} in its query or {@code user:pass@} in
   *     its authority; may be null
   * @return the URL with any password replaced by {@code ***}
   */
  public static String url(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    return jdbcUrl
        .replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(//[^/:@]+):[^/@]*@", "$1:***@");
  }
}
