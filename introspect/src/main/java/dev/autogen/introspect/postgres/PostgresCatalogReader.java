package dev.autogen.introspect.postgres;

import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.Domain;
import dev.autogen.model.EnumType;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.Trigger;
import dev.autogen.model.View;
import dev.autogen.model.postgres.PostgresExpressions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the chosen schemas of a PostgreSQL 12+ database into a {@link Catalog}.
 *
 * <p>pg_catalog queries read everything, one query per kind of object for all chosen schemas
 * together: tables ({@link TableRow}),
 * columns ({@link ColumnQuery}), constraints ({@link ConstraintQuery}), indexes ({@link IndexQuery}),
 * triggers ({@link TriggerQuery}), sequences ({@link SequenceQuery}), enum types ({@link EnumQuery}),
 * domains ({@link DomainQuery}) and views ({@link ViewQuery}); their Javadoc says exactly what is
 * read. Read as tables are ordinary and partitioned tables, never partitions of a partitioned table
 * or the migration tools' own tables. Views and materialized views are read as {@link
 * Schema#views()}, chosen by the same include and exclude patterns as tables. Identifiers are kept
 * exactly as stored.
 *
 * <p>Output is deterministic: schemas, tables, sequences, enum types, domains and views are sorted by
 * name, and so are the foreign keys, unique and check constraints, indexes and triggers of each
 * table and the checks of each domain; columns keep their catalog order.
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
      List<TableRow> tables = TableRow.load(connection, schemas).stream()
          .filter(t -> options.tableFilter().accepts(t.name().schema(), t.name().name()))
          .toList();
      List<ViewQuery.Row> views = ViewQuery.load(connection, schemas).stream()
          .filter(v -> options.tableFilter().accepts(v.name().schema(), v.name().name()))
          .toList();
      return assemble(schemas, tables, views, Parts.load(connection, schemas));
    } catch (SQLException e) {
      throw PostgresErrors.whileReading(database, e);
    }
  }

  /** Everything read per table and per schema, each kind in one query. */
  private record Parts(
      Map<Long, List<Column>> columns,
      Map<Long, TableConstraints> constraints,
      Map<Long, List<Index>> indexes,
      Map<Long, List<Trigger>> triggers,
      Map<String, List<Sequence>> sequences,
      Map<String, List<EnumType>> enums,
      Map<String, List<Domain>> domains) {

    static Parts load(Connection connection, List<String> schemas) throws SQLException {
      return new Parts(ColumnQuery.load(connection, schemas),
          ConstraintQuery.load(connection, schemas),
          IndexQuery.load(connection, schemas),
          TriggerQuery.load(connection, schemas),
          SequenceQuery.load(connection, schemas),
          EnumQuery.load(connection, schemas),
          DomainQuery.load(connection, schemas));
    }
  }

  private static Catalog assemble(List<String> schemas, List<TableRow> tables, List<ViewQuery.Row> views,
      Parts parts) {
    List<Schema> result = new ArrayList<>();
    for (String schema : schemas) {
      List<Table> schemaTables = tables.stream()
          .filter(t -> t.name().schema().equals(schema))
          .map(t -> table(t, parts))
          .toList();
      List<View> schemaViews = views.stream()
          .filter(v -> v.name().schema().equals(schema))
          .map(ViewQuery.Row::view)
          .toList();
      result.add(new Schema(schema,
          byName(schemaTables, Table::name),
          byName(parts.sequences().getOrDefault(schema, List.of()), Sequence::name),
          byName(parts.enums().getOrDefault(schema, List.of()), EnumType::name),
          byName(parts.domains().getOrDefault(schema, List.of()), Domain::name),
          byName(schemaViews, View::name)));
    }
    return new Catalog(result);
  }

  private static <T> List<T> byName(List<T> values, Function<T, String> name) {
    return values.stream().sorted(Comparator.comparing(name)).toList();
  }

  private static Table table(TableRow row, Parts parts) {
    TableConstraints constraints = parts.constraints().getOrDefault(row.oid(), TableConstraints.NONE);
    List<Column> columns = parts.columns().getOrDefault(row.oid(), List.of());
    return new Table(
        row.name().name(),
        columns,
        constraints.primaryKey(),
        constraints.foreignKeys(),
        constraints.uniques(),
        withoutDomainCasts(constraints.checks(), columns),
        parts.indexes().getOrDefault(row.oid(), List.of()),
        row.comment(),
        parts.triggers().getOrDefault(row.oid(), List.of()));
  }

  /**
   * The checks as they read on the columns' base types: a column of a domain type is compared by its
   * base type ({@link SqlType#domain()}), and the casts to that base type which PostgreSQL stores in a
   * check on such a column ({@code (quantity)::integer > 0}) are removed
   * ({@link PostgresExpressions#withoutDomainCasts}).
   */
  private static List<CheckConstraint> withoutDomainCasts(List<CheckConstraint> checks, List<Column> columns) {
    Map<String, String> domainColumns = new HashMap<>();
    columns.stream().filter(c -> c.type().domain()).forEach(c -> domainColumns.put(c.name(), c.type().sql()));
    if (domainColumns.isEmpty()) {
      return checks;
    }
    return checks.stream().map(c -> new CheckConstraint(c.name(),
        PostgresExpressions.withoutDomainCasts(c.expression(), domainColumns))).toList();
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
