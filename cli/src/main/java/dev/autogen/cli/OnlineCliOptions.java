package dev.autogen.cli;

import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.diff.Backfill;
import dev.autogen.model.postgres.PostgresDialect;
import java.time.Duration;
import java.util.List;

/** Reads the online-plan options of the command line ({@code --online}, timeouts, {@code --fill}). */
final class OnlineCliOptions {

  private OnlineCliOptions() {}

  /**
   * @param specs the {@code --fill} values, never null
   * @return the backfills, tables without a schema in PostgreSQL's default schema
   * @throws AutogenException with {@link ExitCode#USAGE} when a value is not {@code [schema.]table.column=SQL}
   */
  static List<Backfill> fills(List<String> specs) {
    try {
      return specs.stream().map(s -> Backfill.parse(s, PostgresDialect.INSTANCE.defaultSchema())).toList();
    } catch (IllegalArgumentException e) {
      throw new AutogenException(ExitCode.USAGE, e.getMessage(), e);
    }
  }

  /**
   * @param online {@code --online}
   * @param lockTimeout {@code --lock-timeout}, never null
   * @param statementTimeout {@code --statement-timeout}, never null
   * @param fills {@code --fill} values, never null
   * @return the rendering options
   * @throws AutogenException with {@link ExitCode#USAGE} when a value is malformed
   */
  static OnlineOptions of(boolean online, String lockTimeout, String statementTimeout, List<String> fills) {
    return new OnlineOptions(online, timeout("--lock-timeout", lockTimeout),
        timeout("--statement-timeout", statementTimeout), fills(fills), OnlineOptions.DEFAULT_BATCH_SIZE);
  }

  private static Duration timeout(String option, String value) {
    try {
      return OnlineOptions.parseTimeout(value);
    } catch (IllegalArgumentException e) {
      throw new AutogenException(ExitCode.USAGE, option + ": " + e.getMessage(), e);
    }
  }
}
