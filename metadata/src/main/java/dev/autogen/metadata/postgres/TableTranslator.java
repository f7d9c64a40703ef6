package dev.autogen.metadata.postgres;

import dev.autogen.model.PrimaryKey;
import dev.autogen.model.Table;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.UniqueKey;

/**
 * One physical Hibernate table as Hibernate's {@code StandardTableExporter} creates it on PostgreSQL,
 * with the constraints and indexes {@code SchemaCreatorImpl} adds to it.
 */
final class TableTranslator {

  private final ColumnTranslator columns;
  private final ForeignKeys foreignKeys;
  private final Dialect dialect;

  /**
   * @param metadata the metadata the tables belong to
   * @param names the name resolution for this metadata
   * @param definitions the meanings of the mapping's column definitions
   */
  TableTranslator(Metadata metadata, PostgresNames names, ColumnDefinitionMeanings definitions) {
    this.columns = new ColumnTranslator(metadata, definitions);
    this.foreignKeys = new ForeignKeys(names);
    this.dialect = metadata.getDatabase().getDialect();
  }

  /**
   * @param table a physical table that is not a view
   * @return the model table; columns in the order of Hibernate's {@code create table}
   */
  Table translate(org.hibernate.mapping.Table table) {
    return new Table(
        PostgresNames.stored(table.getNameIdentifier()),
        table.getColumns().stream().map(c -> columns.translate(c, table)).toList(),
        primaryKey(table),
        foreignKeys.of(table),
        UniqueConstraints.of(table),
        CheckConstraints.of(table),
        Indexes.of(table, dialect),
        table.getComment());
  }

  /**
   * {@code StandardTableExporter.primaryKeyString}: {@code primary key (...)}, named only when an
   * explicitly named unique key covers exactly the primary key columns.
   */
  private static PrimaryKey primaryKey(org.hibernate.mapping.Table table) {
    if (!table.hasPrimaryKey() || table.getPrimaryKey().getColumns().isEmpty()) {
      return null;
    }
    org.hibernate.mapping.PrimaryKey key = table.getPrimaryKey();
    UniqueKey ordering = HibernateApi.orderingUniqueKey(key);
    String name = ordering != null && ordering.isNameExplicit() ? PostgresNames.writtenAsIs(ordering.getName()) : null;
    List<String> keyColumns = key.getColumns().stream().map(PostgresNames::column).toList();
    return new PrimaryKey(name, keyColumns);
  }
}
