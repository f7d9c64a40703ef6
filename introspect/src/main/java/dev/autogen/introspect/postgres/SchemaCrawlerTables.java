package dev.autogen.introspect.postgres;

import dev.autogen.model.TableFilter;
import dev.autogen.model.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import schemacrawler.inclusionrule.InclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Lists the ordinary and partitioned tables of the chosen schemas with SchemaCrawler, its schema
 * inclusion rule carrying the schema list.
 *
 * <p>The {@link TableFilter} runs on the exact names SchemaCrawler returns, not as its table inclusion
 * rule: that rule sees a quoted full name in which embedded quotes and dots are not escaped ({@code
 * public."we"ird.name"}), which cannot be split back into schema and table reliably.
 *
 * <p>Only the table list comes from SchemaCrawler ({@link InfoLevel#minimum}, nothing but tables).
 * Measured on PostgreSQL 15 with 1,000 tables, SchemaCrawler 16.27.1 took about 0.1 s for the tables,
 * 2.5 s to 3.5 s more for the columns and over 100 s for the foreign keys (it asks the JDBC driver per
 * table); everything else is therefore read by the one-query-per-kind pg_catalog queries of this
 * package.
 *
 * <p>SchemaCrawler logs through {@code java.util.logging} at INFO to standard error; loading this
 * class turns its loggers ({@code schemacrawler}, {@code us.fatehi}) off for the whole JVM so that the
 * command line prints nothing unasked.
 */
final class SchemaCrawlerTables {

  /** Strong references: {@code java.util.logging} keeps loggers only weakly, losing their level. */
  private static final List<Logger> SILENCED = List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

  static {
    SILENCED.forEach(logger -> logger.setLevel(Level.OFF));
  }

  /** The JDBC table types of PostgreSQL's relkind {@code r} and {@code p} (pgjdbc {@code getTables}). */
  private static final String[] TABLE_TYPES = {"TABLE", "PARTITIONED TABLE"};

  /**
   * SchemaCrawler's catalog loading is not safe to run concurrently in one JVM: under parallel tests it
   * sometimes returned no tables at all. Catalog loads are therefore serialised.
   */
  private static final Object LOAD_LOCK = new Object();

  private SchemaCrawlerTables() {}

  /**
   * @param connection an open connection, left open
   * @param schemas the schema names to list, exactly as stored
   * @param filter which tables to keep
   * @return the accepted tables of those schemas, in no particular order; partitions of a partitioned
   *     table are included (the JDBC driver calls them {@code TABLE}) and must be removed by the caller
   * @throws SQLException when SchemaCrawler fails, with the driver's exception when there is one
   */
  static List<QualifiedName> list(Connection connection, List<String> schemas, TableFilter filter)
      throws SQLException {
    InclusionRule schemaRule = spelling -> schemas.stream().anyMatch(s -> QuotedName.denotes(spelling, s));
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLimitOptions(LimitOptionsBuilder.builder()
            .includeSchemas(schemaRule)
            .tableTypes(TABLE_TYPES)
            .toOptions())
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.builder().withInfoLevel(InfoLevel.minimum).toOptions())
            .toOptions());
    try {
      Catalog catalog;
      synchronized (LOAD_LOCK) {
        catalog = SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(connection), options);
      }
      return catalog.getTables().stream()
          .map(t -> new QualifiedName(t.getSchema().getName(), t.getName()))
          .filter(t -> filter.accepts(t.schema(), t.name()))
          .toList();
    } catch (RuntimeException e) {
      throw sqlCause(e);
    }
  }

  private static SQLException sqlCause(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return new SQLException("SchemaCrawler could not list the tables: " + failure.getMessage(), failure);
  }
}
