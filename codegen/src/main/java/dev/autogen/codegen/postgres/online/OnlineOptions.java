package dev.autogen.codegen.postgres.online;

import dev.autogen.diff.Backfill;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link OnlinePostgresRenderer} renders a plan.
 *
 * @param online whether to write an online-safe plan (expand, non-transactional online steps,
 *     contract); when false only the backfills change the plain rendering
 * @param lockTimeout the {@code lock_timeout} each online migration sets first: the longest any of its
 *     statements waits for a lock, and so the longest it makes the queries queued behind it wait;
 *     never null, not negative
 * @param statementTimeout the {@code statement_timeout} each online migration sets; {@link
 *     Duration#ZERO} for none, the default: concurrent index builds, validations and backfills read
 *     whole tables under weak locks and may rightly take long. Never null, not negative
 * @param fills the backfills ({@code --fill}), never null
 * @param batchSize how many rows one backfill batch updates (and commits, in online mode), positive
 */
public record OnlineOptions(boolean online, Duration lockTimeout, Duration statementTimeout, List<Backfill> fills,
    int batchSize) {

  /** The default {@code lock_timeout}. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
  /** The default {@code statement_timeout}: none. */
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;
  /** The default backfill batch. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private static final Pattern TIMEOUT = Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when a timeout is negative or the batch size not positive
   */
  public OnlineOptions {
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(statementTimeout, "statementTimeout");
    fills = List.copyOf(fills);
    if (lockTimeout.isNegative() || statementTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts are not negative");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("the backfill batch size must be positive: " + batchSize);
    }
  }

  /**
   * @param online see {@link #online()}
   * @param fills see {@link #fills()}, never null
   * @return options with the default timeouts and batch size
   */
  public static OnlineOptions of(boolean online, List<Backfill> fills) {
    return new OnlineOptions(online, DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, fills, DEFAULT_BATCH_SIZE);
  }

  /**
   * Reads a timeout the way PostgreSQL reads {@code lock_timeout}: a whole number with a unit {@code
   * ms}, {@code s}, {@code min} or {@code h}, milliseconds without one; {@code 0} means none.
   *
   * @param text e.g. {@code 5s}, {@code 500ms}, {@code 0}; never null
   * @return the duration
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static Duration parseTimeout(String text) {
    Matcher m = TIMEOUT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("a timeout is a whole number with ms, s, min or h, e.g. 5s, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMillis(n);
    };
  }

  /**
   * @param timeout a timeout, never null
   * @return it as a PostgreSQL setting value: {@code '5s'}, {@code '1500ms'}, or {@code 0} for none
   */
  static String setting(Duration timeout) {
    long ms = timeout.toMillis();
    if (ms == 0) {
      return "0";
    }
    return ms % 1000 == 0 ? "'" + ms / 1000 + "s'" : "'" + ms + "ms'";
  }

  /**
   * @param local true for a transactional migration: {@code SET LOCAL}, which ends with the migration's
   *     transaction; false for a non-transactional one, whose settings {@link #resetTimeouts()} undoes
   * @return {@code set [local] lock_timeout = ...} and {@code set [local] statement_timeout = ...}
   */
  public List<String> setTimeouts(boolean local) {
    String set = local ? "set local " : "set ";
    return List.of(set + "lock_timeout = " + setting(lockTimeout), set + "statement_timeout = " + setting(statementTimeout));
  }

  /** @return {@code reset lock_timeout} and {@code reset statement_timeout} */
  public List<String> resetTimeouts() {
    return List.of("reset lock_timeout", "reset statement_timeout");
  }
}
