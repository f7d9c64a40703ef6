package dev.autogen.metadata.postgres;

import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * The unique constraints Hibernate's schema export creates for a table on PostgreSQL, whose {@code
 * CreateTableUniqueDelegate} declares them inside {@code create table}:
 * <ul>
 *   <li>a column marked unique ({@code @Column(unique = true)}, one-to-one join columns,
 *       single-column {@code @NaturalId}) that is not the whole primary key gets {@code unique} in its
 *       column definition ({@code ColumnDefinitions.appendConstraints}): an unnamed constraint;
 *   <li>every other unique key of {@code Table.getUniqueKeys()} (after Hibernate drops those equal to
 *       the primary key or to another key) is a table constraint, named only when its name was given
 *       explicitly ({@code UniqueKey.isNameExplicit()}); a single-column key on a column already marked
 *       unique is skipped, as the column definition covers it.
 * </ul>
 * Unnamed constraints get a name from PostgreSQL ({@code <table>_<column>_key}); the model leaves
 * their name null.
 */
final class UniqueConstraints {

  private UniqueConstraints() {}

  /**
   * @param table a physical Hibernate table
   * @return its unique constraints, sorted by name, unnamed last
   */
  static List<UniqueConstraint> of(Table table) {
    List<UniqueConstraint> uniques = new ArrayList<>();
    for (Column column : table.getColumns()) {
      if (column.isUnique() && !table.isPrimaryKey(column)) {
        uniques.add(new UniqueConstraint(null, List.of(PostgresNames.column(column))));
      }
    }
    for (UniqueKey key : table.getUniqueKeys().values()) {
      if (!isSingleColumnUnique(table, key)) {
        String name = key.isNameExplicit() ? PostgresNames.writtenAsIs(key.getName()) : null;
        uniques.add(new UniqueConstraint(name, key.getColumns().stream().map(PostgresNames::column).toList()));
      }
    }
    uniques.sort(ModelOrder.byName(UniqueConstraint::name, u -> u.columns().toString()));
    return uniques;
  }

  /** {@code CreateTableUniqueDelegate.isSingleColumnUnique}: the column definition already says unique. */
  private static boolean isSingleColumnUnique(Table table, UniqueKey key) {
    if (key.getColumns().size() != 1) {
      return false;
    }
    Column keyColumn = key.getColumn(0);
    if (keyColumn.isUnique()) {
      return true;
    }
    Column column = table.getColumn(keyColumn);
    return column != null && column.isUnique();
  }
}
