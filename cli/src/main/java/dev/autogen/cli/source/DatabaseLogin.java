package dev.autogen.cli.source;

import java.util.Objects;

/**
 * Where and as whom to connect.
 *
 * @param url a JDBC URL, never null
 * @param user the user, or null to let the driver decide
 * @param password the password, or null; never printed ({@link #toString()} hides it)
 */
public record DatabaseLogin(String url, String user, String password) {

  public DatabaseLogin {
    Objects.requireNonNull(url, "url");
  }

  /**
   * @param database another database on the same server
   * @return the login for that database: the URL with its path replaced
   */
  public DatabaseLogin withDatabase(String database) {
    return new DatabaseLogin(url.replaceFirst("^(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + database), user, password);
  }

  @Override
  public String toString() {
    return Redaction.url(url) + (user == null ? "" : " as " + user);
  }
}
