package dev.autogen.introspect.postgres;

import dev.autogen.model.DataProbe;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SchemaSourceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link DataProbe} over a live PostgreSQL database, for live mode ({@code --url}).
 *
 * <p>Each question runs in its own transaction that is read-only ({@code SET TRANSACTION READ ONLY},
 * PostgreSQL "SET TRANSACTION": no table may be written, no sequence advanced) and rolled back, with
 * {@code SET LOCAL statement_timeout} ("Client Connection Defaults") so that no question runs
 * longer than {@link Limits#statementTimeout()}, lock waits included; a question that runs out of time
 * or fails is answered "unknown" (empty).
 *
 * <p>A table whose planner estimate {@code pg_class.reltuples} (PostgreSQL "pg_class") is above {@link
 * Limits#scanThreshold()} is not read whole. Its rows are that estimate; its NULLs and non-NULL values
 * come from {@code pg_stats.null_frac} (PostgreSQL "pg_stats") when {@code ANALYZE} has run; a single
 * column that {@code pg_stats.n_distinct = -1} marks unique has no duplicates; any other row count is
 * taken over a {@code TABLESAMPLE SYSTEM} sample of about {@link Limits#sampleRows()} rows and scaled
 * up ("SELECT", TABLESAMPLE); duplicates of other columns are unknown. Every such answer is an
 * estimate. A table never analyzed ({@code reltuples} -1, PostgreSQL 14+) is counted exactly.
 *
 * <p>{@link DataProbe.UnconvertibleSample} reads at most its sample size of rows whatever the table's
 * size: their distinct values, each cast to the new type and back in a savepoint of its own (a
 * rejected value ends only that savepoint), so one question costs one statement per distinct sampled
 * value. A failure that is not about the value (no such cast or type: any SQLSTATE outside class 22)
 * makes the answer unknown.
 *
 * <p>{@link DataProbe.Unconvertible} counts the values whose text {@code pg_input_is_valid} rejects
 * for the type (PostgreSQL 16+), or before PostgreSQL 16 those that do not match the input syntax of
 * an integer type, {@code oid}, {@code numeric} or {@code boolean} ({@link ProbeQueries#unconvertible});
 * for other types before 16 it answers empty ("not measured"), since a cast that fails would end the
 * question and a cast per row in a savepoint costs a statement per row.
 *
 * <p>The check expressions of {@link DataProbe.CheckViolations} are run as SQL, as the entities
 * wrote them. Not thread-safe beyond {@code synchronized} questions on its one connection; close it
 * when done.
 */
public final class PostgresDataProbe implements DataProbe, AutoCloseable {

  /** SQLSTATE of a statement cancelled by {@code statement_timeout} ("Appendix A"). */
  static final String QUERY_CANCELED = "57014";

  /** SQLSTATE class of a value a conversion rejects, e.g. 22P02, 22003 ("Appendix A"). */
  static final String DATA_EXCEPTION = "22";

  private static final String RELTUPLES = """
      select c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ? and c.relname = ?""";
  private static final String STATISTICS = """
      select null_frac, n_distinct from pg_stats
      where schemaname = ? and tablename = ? and attname = ? and not inherited""";

  /**
   * How long and how much a probe may read.
   *
   * @param statementTimeout the longest a question may run, lock waits included; positive, whole
   *     milliseconds count
   * @param scanThreshold the estimated row count ({@code reltuples}) above which a table is not read
   *     whole and answers are estimates; at least 0
   * @param sampleRows about how many rows an estimate samples; at least 1
   */
  public record Limits(Duration statementTimeout, long scanThreshold, long sampleRows) {

    /** Two seconds per question, tables above one million rows estimated from a 30,000-row sample. */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 1_000_000, 30_000);

    /**
     * @throws NullPointerException when statementTimeout is null
     * @throws IllegalArgumentException when a limit is out of range
     */
    public Limits {
      Objects.requireNonNull(statementTimeout, "statementTimeout");
      if (statementTimeout.toMillis() < 1 || scanThreshold < 0 || sampleRows < 1) {
        throw new IllegalArgumentException("limits out of range: " + statementTimeout + ", " + scanThreshold
            + ", " + sampleRows);
      }
    }
  }

  private final Connection connection;
  private final Limits limits;
  private final Map<QualifiedName, Double> reltuples = new HashMap<>();
  private int version;

  private PostgresDataProbe(Connection connection, Limits limits) {
    this.connection = connection;
    this.limits = limits;
  }

  /**
   * Opens a probe with the {@link Limits#DEFAULT} limits.
   *
   * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, never null
   * @param user the login role, or null for the driver's default
   * @param password the password, or null
   * @return a probe on a connection of its own; close it
   * @throws SchemaSourceException as {@link PostgresConnections#open} does
   */
  public static PostgresDataProbe open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, Limits.DEFAULT);
  }

  /**
   * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, never null
   * @param user the login role, or null for the driver's default
   * @param password the password, or null
   * @param limits how long and how much each question may read, never null
   * @return a probe on a connection of its own; close it
   * @throws SchemaSourceException as {@link PostgresConnections#open} does, or {@link
   *     SchemaSourceException.Reason#UNREACHABLE} when the new session cannot be set up
   */
  public static PostgresDataProbe open(String jdbcUrl, String user, String password, Limits limits) {
    Objects.requireNonNull(limits, "limits");
    Connection connection = PostgresConnections.open(jdbcUrl, user, password);
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      PostgresConnections.closeQuietly(connection);
      throw PostgresErrors.cannotConnect(jdbcUrl, user, password, e);
    }
    return new PostgresDataProbe(connection, limits);
  }

  /**
   * @return the server's {@code server_version_num} (PostgreSQL "Preset Options"), e.g. {@code
   *     150004} for 15.4: what {@code DiffOptions.withServerVersion} takes
   * @throws SchemaSourceException {@link SchemaSourceException.Reason#UNREACHABLE} when the server
   *     cannot answer
   */
  public synchronized int serverVersion() {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1));
    } catch (SQLException e) {
      throw PostgresErrors.whileReading("(server version)", e);
    } finally {
      rollbackQuietly();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Empty also when the table does not exist, and on a timeout ({@value #QUERY_CANCELED}) or any
   * other failure of the question's statements.
   */
  @Override
  public synchronized Optional<Count> count(Question question) {
    Objects.requireNonNull(question, "question");
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("set transaction read only");
        s.execute("set local statement_timeout = " + limits.statementTimeout().toMillis());
      }
      return answer(question);
    } catch (SQLException e) {
      return Optional.empty();
    } finally {
      rollbackQuietly();
    }
  }

  /** Closes the probe's connection. */
  @Override
  public void close() {
    PostgresConnections.closeQuietly(connection);
  }

  private Optional<Count> answer(Question question) throws SQLException {
    if (question instanceof UnconvertibleSample sample) {
      return unconvertible(sample);
    }
    OptionalDouble estimated = reltuples(question.table());
    if (estimated.isEmpty()) {
      return Optional.empty();
    }
    double rows = estimated.getAsDouble();
    if (question instanceof Unconvertible u) {
      Optional<ProbeQueries.RowFilter> filter = ProbeQueries.unconvertible(u, serverVersionNumber());
      if (filter.isEmpty()) {
        return Optional.empty();
      }
      return rows <= limits.scanThreshold() ? Optional.of(new Count(single(filter.get().exact()), false))
          : sampled(filter.get(), rows);
    }
    if (rows <= limits.scanThreshold()) {
      String sql = question instanceof DuplicateGroups d
          ? ProbeQueries.duplicateGroups(d) : ProbeQueries.filter(question).exact();
      return Optional.of(new Count(single(sql), false));
    }
    if (question instanceof Rows) {
      return estimate(rows);
    }
    if (question instanceof Nulls n) {
      OptionalDouble nullShare = statistic(n.table(), n.column(), "null_frac");
      if (nullShare.isPresent()) {
        return estimate(rows * nullShare.getAsDouble());
      }
    }
    if (question instanceof NonNullValues v) {
      OptionalDouble nullShare = statistic(v.table(), v.column(), "null_frac");
      if (nullShare.isPresent()) {
        return estimate(rows * (1 - nullShare.getAsDouble()));
      }
    }
    if (question instanceof DuplicateGroups d) {
      boolean unique = d.columns().size() == 1
          && statistic(d.table(), d.columns().get(0), "n_distinct").orElse(0) == -1;
      return unique ? estimate(0) : Optional.empty();
    }
    return sampled(ProbeQueries.filter(question), rows);
  }

  /**
   * Casts each distinct value of the sample from the column's type to the new one, each in a
   * savepoint; empty when the column does not exist.
   */
  private Optional<Count> unconvertible(UnconvertibleSample sample) throws SQLException {
    String columnType;
    try (PreparedStatement s = connection.prepareStatement(ProbeQueries.COLUMN_TYPE)) {
      s.setString(1, sample.table().schema());
      s.setString(2, sample.table().name());
      s.setString(3, sample.column());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        columnType = rs.getString(1);
      }
    }
    Map<String, Long> values = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(ProbeQueries.sampleValues(sample))) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getLong(2));
      }
    }
    long rejected = 0;
    try (PreparedStatement cast = connection.prepareStatement(ProbeQueries.conversion(columnType, sample.type()))) {
      for (Map.Entry<String, Long> value : values.entrySet()) {
        Savepoint before = connection.setSavepoint();
        try {
          cast.setString(1, value.getKey());
          cast.setString(2, value.getKey());
          boolean unchanged;
          try (ResultSet rs = cast.executeQuery()) {
            unchanged = rs.next() && rs.getBoolean(1);
          }
          connection.releaseSavepoint(before);
          rejected += unchanged ? 0 : value.getValue();
        } catch (SQLException e) {
          String state = e.getSQLState();
          if (state == null || !state.startsWith(DATA_EXCEPTION)) {
            throw e; // not the value: no cast, an unknown type, a timeout: the answer is unknown
          }
          connection.rollback(before);
          rejected += value.getValue();
        }
      }
    }
    return Optional.of(new Count(rejected, true));
  }

  /** The server's version, asked once, inside the question's transaction. */
  private int serverVersionNumber() throws SQLException {
    if (version == 0) {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show server_version_num")) {
        rs.next();
        version = Integer.parseInt(rs.getString(1));
      }
    }
    return version;
  }

  /** {@code reltuples} of the table, remembered; empty when the table does not exist; -1 read as unknown. */
  private OptionalDouble reltuples(QualifiedName table) throws SQLException {
    Double known = reltuples.get(table);
    if (known == null) {
      try (PreparedStatement s = connection.prepareStatement(RELTUPLES)) {
        s.setString(1, table.schema());
        s.setString(2, table.name());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return OptionalDouble.empty();
          }
          known = rs.getDouble(1);
        }
      }
      reltuples.put(table, known);
    }
    return OptionalDouble.of(known < 0 ? 0 : known);
  }

  private OptionalDouble statistic(QualifiedName table, String column, String statistic) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(STATISTICS)) {
      s.setString(1, table.schema());
      s.setString(2, table.name());
      s.setString(3, column);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? OptionalDouble.of(rs.getDouble(statistic)) : OptionalDouble.empty();
      }
    }
  }

  private Optional<Count> sampled(ProbeQueries.RowFilter filter, double rows) throws SQLException {
    double percent = Math.min(100, 100.0 * limits.sampleRows() / rows);
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(filter.sampled(percent))) {
      rs.next();
      long matching = rs.getLong(1);
      long seen = rs.getLong(2);
      return seen == 0 ? Optional.empty() : estimate((double) matching * rows / seen);
    }
  }

  private long single(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Optional<Count> estimate(double value) {
    return Optional.of(new Count(Math.max(0, Math.round(value)), true));
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the transaction ends with the session either way; the next question starts a new one
    }
  }
}
