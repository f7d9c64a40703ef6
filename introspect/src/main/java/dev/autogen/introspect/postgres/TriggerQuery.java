package dev.autogen.introspect.postgres;

import dev.autogen.model.Trigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The user-defined triggers of all tables of the chosen schemas, in one query over {@code pg_trigger}
 * (PostgreSQL catalog "pg_trigger"): those that are not {@code tgisinternal} (the internal ones
 * enforce foreign keys and deferrable constraints), each with the {@code CREATE TRIGGER} statement
 * {@code pg_get_triggerdef(oid)} prints. Triggers of partitions, cloned from their partitioned table,
 * are not read because partitions are not.
 */
final class TriggerQuery {

  private static final String SQL = """
      select tg.tgrelid, tg.tgname::text as trigger_name, pg_get_triggerdef(tg.oid) as definition
      from pg_trigger tg
      join pg_class c on c.oid = tg.tgrelid
      join pg_namespace n on n.oid = c.relnamespace
      where not tg.tgisinternal and %s""".formatted(CatalogQuery.TABLES_OF_SCHEMAS);

  private TriggerQuery() {}

  /**
   * @param connection an open connection
   * @param schemas the schema names
   * @return the triggers of each table that has any, by table oid, sorted by trigger name
   * @throws SQLException when the query fails
   */
  static Map<Long, List<Trigger>> load(Connection connection, List<String> schemas) throws SQLException {
    Map<Long, List<Trigger>> triggers = Keyed.group(CatalogQuery.run(connection, SQL, schemas,
        row -> new Keyed<>(row.getLong("tgrelid"),
            new Trigger(row.getString("trigger_name"), row.getString("definition")))));
    triggers.replaceAll((oid, list) -> list.stream().sorted(Comparator.comparing(Trigger::name)).toList());
    return triggers;
  }
}
