package dev.autogen.bench.replay;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code psql -1} floor of the replay benchmark: a script applied by PostgreSQL's own client in one
 * transaction ({@code --single-transaction}), stopping at the first error, reading no {@code ~/.psqlrc}.
 */
final class Psql {

  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

  private Psql() {}

  /**
   * @param jdbcUrl the database's JDBC URL, {@code jdbc:postgresql://HOST[:PORT]/DATABASE[?...]}
   * @param user the login user
   * @param script the SQL script
   * @return the command
   * @throws IllegalArgumentException when the URL is not of that form
   */
  static List<String> command(String jdbcUrl, String user, Path script) {
    Matcher url = URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://HOST[:PORT]/DATABASE URL: " + jdbcUrl);
    }
    return List.of("psql", "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", url.group(1),
        "-p", url.group(2) == null ? "5432" : url.group(2), "-U", user, "-d", url.group(3), "-f", script.toString());
  }

  /**
   * @param password the password, or null
   * @return psql's environment for it: {@code PGPASSWORD} when there is one
   */
  static Map<String, String> environment(String password) {
    return password == null ? Map.of() : Map.of("PGPASSWORD", password);
  }
}
