package dev.autogen.metadata.postgres;

import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;

/**
 * What the translator reads from Hibernate 7's mapping where Hibernate 6's API differs. Its twin in the
 * {@code metadata-hibernate6} module has the same name and methods, compiled against Hibernate 6; every
 * other translator class is shared by both.
 */
final class HibernateApi {

  private HibernateApi() {
  }

  /**
   * @param index a Hibernate index, never null
   * @return {@code @Index(options)} (Hibernate 7: the text after the column list, e.g. {@code where x
   *     is not null}), null or empty when none
   */
  static String indexOptions(Index index) {
    return index.getOptions();
  }

  /**
   * @param column a column of {@code table}, never null
   * @param table its table, never null
   * @return whether Hibernate's DDL makes it an identity column ({@code Column.isIdentity()})
   */
  static boolean isIdentity(Column column, Table table) {
    return column.isIdentity();
  }

  /**
   * @param table a table, never null
   * @return whether it is a {@code @View} (Hibernate creates a view, not a table)
   */
  static boolean isView(Table table) {
    return table.isView();
  }
}
