package dev.autogen.metadata.postgres;

import dev.autogen.model.Index;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;

/**
 * The indexes Hibernate's schema export creates for a table ({@code StandardIndexExporter}): {@code
 * create [unique] index <name> on <table> (<key> [asc|desc], ...) [<options>]}, one per {@code @Index}.
 * The name is written as is (PostgreSQL does not qualify index names), so PostgreSQL folds it; options
 * that start with {@code where} make a partial index.
 */
final class Indexes {

  private static final String WHERE = "where ";

  private Indexes() {}

  /**
   * @param table a physical Hibernate table
   * @param dialect the metadata's dialect, renders formula keys
   * @return its indexes, sorted by name
   * @throws SchemaSourceException ({@link Reason#INPUT}) when an index names a column the table does
   *     not have: Hibernate takes each comma-separated part of {@code @Index(columnList)} for a column
   *     name plus an optional {@code asc}/{@code desc}, so {@code "a desc nulls last"} becomes a quoted
   *     column {@code "a desc nulls last"} and Hibernate's own DDL fails on PostgreSQL
   */
  static List<Index> of(Table table, Dialect dialect) {
    List<Index> indexes = new ArrayList<>();
    for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
      indexes.add(new Index(
          PostgresNames.writtenAsIs(index.getName()),
          keys(table, index, dialect),
          HibernateApi.isUnique(index),
          predicate(HibernateApi.indexOptions(index)),
          Index.DEFAULT_METHOD));
    }
    indexes.sort(ModelOrder.byName(Index::name, i -> i.keys().toString()));
    return indexes;
  }

  private static List<String> keys(Table table, org.hibernate.mapping.Index index, Dialect dialect) {
    Map<Selectable, String> orders = HibernateApi.indexKeys(index);
    List<String> keys = new ArrayList<>();
    for (Selectable selectable : orders.keySet()) {
      if (selectable instanceof Column column && table.getColumn(column) == null) {
        throw new SchemaSourceException(Reason.INPUT, "entity mapping error: index " + index.getName() + " of table "
            + table.getName() + " names column \"" + column.getName() + "\", which the table does not have"
            + " (a @Index columnList takes column names, each optionally followed by asc or desc only)", null);
      }
      String key = selectable instanceof Column column
          ? PostgresNames.column(column)
          : "(" + selectable.getText(dialect) + ")";
      String order = orders.get(selectable);
      if (order != null && !order.isBlank() && !order.trim().equalsIgnoreCase("asc")) {
        key = key + " " + order.trim().toLowerCase(Locale.ROOT);
      }
      keys.add(key);
    }
    return keys;
  }

  private static String predicate(String options) {
    if (options == null) {
      return null;
    }
    String trimmed = options.trim();
    return trimmed.toLowerCase(Locale.ROOT).startsWith(WHERE) ? trimmed.substring(WHERE.length()).trim() : null;
  }
}
