package dev.autogen.metadata.postgres;

import dev.autogen.model.ForeignKey;
import dev.autogen.model.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * The foreign keys Hibernate's schema export creates for a table ({@code SchemaCreatorImpl} then
 * {@code StandardForeignKeyExporter}): those whose creation is enabled (not {@code
 * ConstraintMode.NO_CONSTRAINT}) and that join two physical tables, written {@code alter table ... add
 * constraint <name> foreign key (...) references <table> [(...)] [on delete <action>]}. A key that
 * references the primary key implicitly references the primary key's columns. There is never an {@code
 * on update} clause, so the update action is always NO ACTION.
 */
final class ForeignKeys {

  private final PostgresNames names;

  /** @param names resolves the referenced table's schema and the constraint names */
  ForeignKeys(PostgresNames names) {
    this.names = names;
  }

  /**
   * @param table a physical Hibernate table
   * @return its exported foreign keys, sorted by name
   */
  List<ForeignKey> of(Table table) {
    List<ForeignKey> keys = new ArrayList<>();
    for (org.hibernate.mapping.ForeignKey key : table.getForeignKeys().values()) {
      if (key.isCreationEnabled() && key.isPhysicalConstraint()) {
        keys.add(translate(key));
      }
    }
    keys.sort(ModelOrder.byName(ForeignKey::name, k -> k.columns() + "->" + k.referencedTable()));
    return keys;
  }

  private ForeignKey translate(org.hibernate.mapping.ForeignKey key) {
    Table referenced = key.getReferencedTable();
    List<Column> targetColumns = key.isReferenceToPrimaryKey()
        ? referenced.getPrimaryKey().getColumns()
        : key.getReferencedColumns();
    return new ForeignKey(
        names.viaIdentifierHelper(key.getName()),
        key.getColumns().stream().map(PostgresNames::column).toList(),
        names.table(referenced),
        targetColumns.stream().map(PostgresNames::column).toList(),
        onDelete(key.getOnDeleteAction()),
        ReferentialAction.NO_ACTION);
  }

  private static ReferentialAction onDelete(OnDeleteAction action) {
    if (action == null) {
      return ReferentialAction.NO_ACTION;
    }
    return switch (action) {
      case NO_ACTION -> ReferentialAction.NO_ACTION;
      case CASCADE -> ReferentialAction.CASCADE;
      case RESTRICT -> ReferentialAction.RESTRICT;
      case SET_NULL -> ReferentialAction.SET_NULL;
      case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
    };
  }
}
