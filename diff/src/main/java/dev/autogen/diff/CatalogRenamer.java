package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.Dialect;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.List;

/**
 * Applies confirmed renames to the current catalog, the way the database applies {@code ALTER TABLE
 * ... RENAME}: the table or column changes name, and every key, constraint and index that names it
 * (including foreign keys of other tables) follows. A renamed column is also renamed inside the
 * table's check expressions, index expression keys and partial-index predicates ({@link
 * Dialect#renameColumn(String, String, String)}), as PostgreSQL does ("ALTER TABLE", {@code RENAME}),
 * so that they do not show up as a needless drop and re-create.
 */
final class CatalogRenamer {

  private CatalogRenamer() {}

  /**
   * @param catalog the catalog as it is, never null
   * @param rename one resolved rename, never null
   * @param dialect renames a column inside expressions, never null
   * @return the catalog after the rename
   */
  static Catalog apply(Catalog catalog, Rename rename, Dialect dialect) {
    List<Schema> schemas = catalog.schemas().stream()
        .map(s -> new Schema(s.name(), s.tables().stream().map(t -> apply(s.name(), t, rename, dialect)).toList(),
            s.sequences(), s.enums(), s.domains(), s.views()))
        .toList();
    return new Catalog(schemas);
  }

  private static Table apply(String schema, Table table, Rename rename, Dialect dialect) {
    boolean isSubject = rename.table().equals(new QualifiedName(schema, table.name()));
    List<ForeignKey> fks = table.foreignKeys().stream().map(fk -> renamedReference(fk, rename)).toList();
    Table t = new Table(table.name(), table.columns(), table.primaryKey(), fks, table.uniques(), table.checks(),
        table.indexes(), table.comment(), table.triggers());
    if (!isSubject) {
      return t;
    }
    if (!rename.isColumn()) {
      return t.withName(rename.to());
    }
    String from = rename.column();
    String to = rename.to();
    return new Table(
        t.name(),
        t.columns().stream().map(c -> renamedColumn(c, from, to, dialect)).toList(),
        t.primaryKey() == null ? null : new PrimaryKey(t.primaryKey().name(), swap(t.primaryKey().columns(), from, to)),
        t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), swap(fk.columns(), from, to),
            fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())).toList(),
        t.uniques().stream().map(u -> new UniqueConstraint(u.name(), swap(u.columns(), from, to))).toList(),
        t.checks().stream().map(c -> new CheckConstraint(c.name(), dialect.renameColumn(c.expression(), from, to)))
            .toList(),
        t.indexes().stream().map(i -> new Index(i.name(),
            i.keys().stream().map(k -> renamedKey(k, from, to, dialect)).toList(), i.unique(),
            i.predicate() == null ? null : dialect.renameColumn(i.predicate(), from, to), i.method(),
            swap(i.include(), from, to), i.valid())).toList(),
        t.comment(),
        t.triggers());
  }

  /** The column itself renamed, and a generated column's expression following the renamed one. */
  private static Column renamedColumn(Column c, String from, String to, Dialect dialect) {
    Column named = c.name().equals(from) ? c.withName(to) : c;
    if (named.generated() == null) {
      return named;
    }
    return new Column(named.name(), named.type(), named.nullable(), named.defaultValue(), named.identity(),
        named.comment(), dialect.renameColumn(named.generated(), from, to), named.collation());
  }

  /**
   * @param key an index key as {@link Index#keys()} spells it: a column or a parenthesised
   *     expression, optionally followed by its options
   * @return the key naming {@code to} where it named column {@code from}
   */
  private static String renamedKey(String key, String from, String to, Dialect dialect) {
    String order = Index.keyOptions(key);
    String part = Index.keyTarget(key);
    if (part.equals(from)) {
      return to + order;
    }
    if (part.length() > 1 && part.startsWith("(") && part.endsWith(")")) {
      return "(" + dialect.renameColumn(part.substring(1, part.length() - 1), from, to) + ")" + order;
    }
    return key;
  }

  private static ForeignKey renamedReference(ForeignKey fk, Rename rename) {
    if (!fk.referencedTable().equals(rename.table())) {
      return fk;
    }
    if (rename.isColumn()) {
      return new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(),
          swap(fk.referencedColumns(), rename.column(), rename.to()), fk.onDelete(), fk.onUpdate());
    }
    return new ForeignKey(fk.name(), fk.columns(), new QualifiedName(rename.table().schema(), rename.to()),
        fk.referencedColumns(), fk.onDelete(), fk.onUpdate());
  }

  private static List<String> swap(List<String> names, String from, String to) {
    return names.stream().map(n -> n.equals(from) ? to : n).toList();
  }
}
