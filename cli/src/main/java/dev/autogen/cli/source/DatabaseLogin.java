package dev.autogen.cli.source;

import dev.autogen.introspect.JdbcUrls;

import java.util.Objects;

/**
 * Where and as whom to connect.
 *
 * @param url a JDBC URL, never null
 * @param user the user, or null to let the driver decide
 * @param password the password, or null; never printed ({@link #toString()} hides it)
 */
public record DatabaseLogin(String url, String user, String password) {

  /**
   * @throws NullPointerException when url is null
   * @throws IllegalArgumentException when url is not a {@code jdbc:postgresql:} URL
   */
  public DatabaseLogin {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + JdbcUrls.redact(url));
    }
  }

  /**
   * @param database another database on the same server, a plain identifier
   * @return the login for that database: the URL's database part replaced (or added when the URL
   *     names none), its host, port and parameters kept
   */
  public DatabaseLogin withDatabase(String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String parameters = query < 0 ? "" : url.substring(query);
    String prefix = "jdbc:postgresql:";
    String rest = base.substring(prefix.length());
    String replaced;
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      replaced = prefix + (slash < 0 ? rest : rest.substring(0, slash)) + "/" + database;
    } else {
      replaced = prefix + database;
    }
    return new DatabaseLogin(replaced + parameters, user, password);
  }

  @Override
  public String toString() {
    return JdbcUrls.redact(url) + (user == null ? "" : " as " + user);
  }
}
