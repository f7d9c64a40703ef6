package dev.autogen.introspect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps passwords out of JDBC URLs that are shown to people: in messages, logs and reports. This is
 * autogen's one URL redactor; every module that prints a URL uses it.
 */
public final class JdbcUrls {

  /** What replaces a password. */
  public static final String HIDDEN = "***";

  /**
   * The password of a {@code user:password@} user information part of the authority (RFC 3986
   * "3.2.1. User Information"): after {@code //}, a user name without {@code :}, then everything up to
   * the last {@code @} before the path, query or fragment, so that a password holding {@code @}
   * is hidden whole.
   */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)([^/?#]*)@");

  /**
   * A {@code password=} parameter, in any case and with any prefix ({@code sslpassword=}, {@code
   * keystorePassword=}), after {@code ?}, {@code &} or {@code ;}; its value runs up to the next
   * {@code &} or the end.
   */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][a-z_]*password=)([^&]*)");

  /** A {@code user=} parameter of the URL (pgjdbc "Connection Parameters"); its value up to {@code &}. */
  private static final Pattern USER_PARAMETER = Pattern.compile("[?&;]user=([^&;]*)");

  private JdbcUrls() {}

  /**
   * The user a PostgreSQL JDBC connection logs in as, for messages: the given user, else the URL's
   * {@code user} parameter, else the operating system user ({@code user.name}), which pgjdbc takes by
   * default as libpq does.
   *
   * @param url a JDBC URL, or null
   * @param user the user given apart from the URL ({@code --user}), or null
   * @return the user name, never null
   */
  public static String user(String url, String user) {
    if (user != null && !user.isEmpty()) {
      return user;
    }
    if (url != null) {
      Matcher parameter = USER_PARAMETER.matcher(url);
      if (parameter.find() && !parameter.group(1).isEmpty()) {
        return java.net.URLDecoder.decode(parameter.group(1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return System.getProperty("user.name", "");
  }

  /**
   * Hides the passwords a JDBC URL carries: {@code jdbc:postgresql://bob:s3cret@host/db} becomes
   * {@code jdbc:postgresql://bob:***@host/db}, {@code jdbc:postgresql://host/db?user=bob&Password=s3cret&ssl=true}
   * becomes {@code jdbc:postgresql://host/db?user=bob&Password=***&ssl=true}. Everything else is
   * kept as it was.
   *
   * @param url a JDBC URL, or null
   * @return the URL with the value of every password parameter and the password of the user
   *     information replaced by {@link #HIDDEN}; null when url is null
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    String withoutUserInfo = USER_INFO_PASSWORD.matcher(url).replaceAll("$1" + HIDDEN + "@");
    return PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll("$1" + HIDDEN);
  }

  /**
   * The passwords a JDBC URL carries, for hiding them in text that may repeat parts of the URL: a
   * driver's error message can quote the URL whole ({@code Unable to parse URL ...}) or only a piece
   * of it, such as a host name it took from {@code bob:s3cret@host}.
   *
   * @param url a JDBC URL, or null
   * @return the non-empty values {@link #redact(String)} hides, user information first, then the
   *     parameters in order; empty when url is null or carries no password
   */
  public static List<String> passwords(String url) {
    if (url == null) {
      return List.of();
    }
    return Stream.of(USER_INFO_PASSWORD, PASSWORD_PARAMETER)
        .flatMap(pattern -> pattern.matcher(url).results())
        .map(match -> match.group(2))
        .filter(password -> !password.isEmpty())
        .toList();
  }
}
