package dev.autogen.introspect.postgres;

import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.EnumType;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import dev.autogen.model.Sequence;
import dev.autogen.model.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the chosen schemas of a PostgreSQL 12+ database into a {@link Catalog}.
 *
 * <p>SchemaCrawler lists the tables ({@link SchemaCrawlerTables}); pg_catalog queries read everything
 * else, one query per kind of object for all chosen schemas together: tables ({@link TableRow}),
 * columns ({@link ColumnQuery}), constraints ({@link ConstraintQuery}), indexes ({@link IndexQuery}),
 * sequences ({@link SequenceQuery}) and enum types ({@link EnumQuery}); their Javadoc says exactly
 * what is read. Read are ordinary and partitioned tables, never views, partitions of a partitioned
 * table, or the migration tools' own tables. Identifiers are kept exactly as stored.
 *
 * <p>Output is deterministic: schemas, tables, sequences and enum types are sorted by name, and so are
 * the foreign keys, unique and check constraints and indexes of each table; columns keep their
 * catalog order.
 */
public final class PostgresCatalogReader {

  /** The oldest server with everything read here ({@code pg_attribute.attgenerated} came in 12). */
  static final int OLDEST_SUPPORTED_VERSION = 12;

  private static final String EXISTING_SCHEMAS =
      "select nspname::text as schema_name from pg_namespace where nspname::text = any(?)";

  private PostgresCatalogReader() {}

  /**
   * @param connection an open connection, left open with its settings unchanged
   * @param options which schemas and tables to read
   * @return the catalog with one {@link Schema} per chosen schema, never null
   * @throws NullPointerException when an argument is null
   * @throws SchemaSourceException {@link Reason#INPUT} when a chosen schema does not exist ({@code
   *     schema X does not exist in <database>}) or the server is older than PostgreSQL 12; otherwise
   *     as {@link PostgresErrors} classifies the driver's failure
   */
  public static Catalog read(Connection connection, IntrospectOptions options) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(options, "options");
    String database = "(unknown)";
    try {
      database = connection.getCatalog();
      requireSupportedServer(connection);
      List<String> schemas = options.effectiveSchemas();
      requireSchemasExist(connection, schemas, database);
      Set<QualifiedName> listed = new HashSet<>(SchemaCrawlerTables.list(connection, schemas, options.tableFilter()));
      List<TableRow> tables = TableRow.load(connection, schemas).stream()
          .filter(t -> listed.contains(t.name()))
          .toList();
      return assemble(schemas, tables, Parts.load(connection, schemas));
    } catch (SQLException e) {
      throw PostgresErrors.whileReading(database, e);
    }
  }

  /** Everything read per table and per schema, each kind in one query. */
  private record Parts(
      Map<Long, List<Column>> columns,
      Map<Long, TableConstraints> constraints,
      Map<Long, List<Index>> indexes,
      Map<String, List<Sequence>> sequences,
      Map<String, List<EnumType>> enums) {

    static Parts load(Connection connection, List<String> schemas) throws SQLException {
      return new Parts(ColumnQuery.load(connection, schemas),
          ConstraintQuery.load(connection, schemas),
          IndexQuery.load(connection, schemas),
          SequenceQuery.load(connection, schemas),
          EnumQuery.load(connection, schemas));
    }
  }

  private static Catalog assemble(List<String> schemas, List<TableRow> tables, Parts parts) {
    List<Schema> result = new ArrayList<>();
    for (String schema : schemas) {
      List<Table> schemaTables = tables.stream()
          .filter(t -> t.name().schema().equals(schema))
          .map(t -> table(t, parts))
          .sorted(Comparator.comparing(Table::name))
          .toList();
      result.add(new Schema(schema, schemaTables,
          parts.sequences().getOrDefault(schema, List.of()).stream()
              .sorted(Comparator.comparing(Sequence::name)).toList(),
          parts.enums().getOrDefault(schema, List.of()).stream()
              .sorted(Comparator.comparing(EnumType::name)).toList()));
    }
    return new Catalog(result);
  }

  private static Table table(TableRow row, Parts parts) {
    TableConstraints constraints = parts.constraints().getOrDefault(row.oid(), TableConstraints.NONE);
    return new Table(
        row.name().name(),
        parts.columns().getOrDefault(row.oid(), List.of()),
        constraints.primaryKey(),
        constraints.foreignKeys(),
        constraints.uniques(),
        constraints.checks(),
        parts.indexes().getOrDefault(row.oid(), List.of()),
        row.comment());
  }

  private static void requireSupportedServer(Connection connection) throws SQLException {
    int major = connection.getMetaData().getDatabaseMajorVersion();
    if (major < OLDEST_SUPPORTED_VERSION) {
      throw new SchemaSourceException(Reason.INPUT, "PostgreSQL "
          + connection.getMetaData().getDatabaseProductVersion() + " is not supported: autogen reads PostgreSQL "
          + OLDEST_SUPPORTED_VERSION + " or later", null);
    }
  }

  private static void requireSchemasExist(Connection connection, List<String> schemas, String database)
      throws SQLException {
    Set<String> existing = new HashSet<>(CatalogQuery.run(connection, EXISTING_SCHEMAS, schemas,
        row -> row.getString("schema_name")));
    List<String> missing = schemas.stream().filter(s -> !existing.contains(s)).toList();
    if (missing.size() == 1) {
      throw new SchemaSourceException(Reason.INPUT,
          "schema " + missing.get(0) + " does not exist in " + database, null);
    }
    if (!missing.isEmpty()) {
      throw new SchemaSourceException(Reason.INPUT,
          "schemas " + String.join(", ", missing) + " do not exist in " + database, null);
    }
  }
}
