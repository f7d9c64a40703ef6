package dev.autogen.introspect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one pg_catalog query over all chosen schemas at once: every query of this package takes the
 * schema names as its only parameter, a {@code text[]}, so one kind of object costs one round trip
 * however many tables there are.
 */
final class CatalogQuery {

  /**
   * The condition, for a query's {@code %s} placeholder, that selects the tables it reads, given
   * aliases {@code c} for {@code pg_class} and {@code n} for {@code pg_namespace}: ordinary ({@code
   * r}) and partitioned ({@code p}) tables, not partitions ({@code relispartition}, PostgreSQL catalog
   * "pg_class"), of the schemas in the parameter.
   */
  static final String TABLES_OF_SCHEMAS =
      "c.relkind in ('r', 'p') and not c.relispartition and n.nspname::text = any(?)";

  /** Reads one result row. */
  @FunctionalInterface
  interface RowReader<T> {
    /**
     * @param row positioned on a row
     * @return the value of that row
     * @throws SQLException when a column cannot be read
     */
    T read(ResultSet row) throws SQLException;
  }

  private CatalogQuery() {}

  /**
   * @param connection an open connection
   * @param sql a query with exactly one parameter, the schema names
   * @param schemas the schema names
   * @param reader maps each row
   * @return the rows in the query's order
   * @throws SQLException when the query fails
   */
  static <T> List<T> run(Connection connection, String sql, List<String> schemas, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        List<T> values = new ArrayList<>();
        while (rows.next()) {
          values.add(reader.read(rows));
        }
        return values;
      }
    }
  }

  /**
   * @param row a result row
   * @param column the name of a {@code text[]} column
   * @return its elements in order; empty for SQL NULL
   * @throws SQLException when the column cannot be read
   */
  static List<String> textArray(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
