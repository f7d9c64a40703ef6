package dev.autogen.codegen.postgres.online;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Column renames as expand/contract. Expand: add the new column (nullable, no default), a trigger
 * that keeps old and new equal for both application versions ({@link OnlineSql#createSyncTrigger}),
 * online: copy the old values in batches, and for a NOT NULL column
 * set NOT NULL over a validated helper check; contract: drop the trigger and the old column, give the new column
 * the old one's default. A trigger was chosen over application double writes because it also covers
 * the instances still running the old version and any other writer.
 */
final class RenameColumns {

  private final PostgresRenderer plain = new PostgresRenderer();
  private final Catalog current;

  /** @param current the schema as it is, or null: then no column is expandable */
  RenameColumns(Catalog current) {
    this.current = current;
  }

  /**
   * @param rename a column rename of the plan (its table named as after the plan's table renames)
   * @param changes the plan's changes, for its table renames
   * @return the column as it is, when it can be expanded and contracted: it exists, is not an identity,
   *     generated or sequence-owning column, and no key, unique constraint, index, check or foreign key
   *     (of any table) uses it; empty otherwise
   */
  Optional<Column> expandable(RenameColumn rename, List<Change> changes) {
    if (current == null) {
      return Optional.empty();
    }
    Optional<Table> found = current.table(rename.table())
        .or(() -> renamedFrom(rename.table(), changes).flatMap(current::table));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Table table = found.get();
    String name = rename.from();
    Optional<Column> column = table.column(name);
    if (column.isEmpty() || column.get().identity() != null || column.get().generated() != null
        || column.get().defaultValue() instanceof DefaultExpr.NextValue) {
      return Optional.empty();
    }
    PostgresDialect dialect = PostgresDialect.INSTANCE;
    boolean used = table.primaryKey() != null && table.primaryKey().columns().contains(name)
        || table.uniques().stream().anyMatch(u -> u.columns().contains(name))
        || table.foreignKeys().stream().anyMatch(f -> f.columns().contains(name))
        || table.checks().stream().anyMatch(c -> dialect.references(c.expression(), name))
        || table.indexes().stream().anyMatch(i -> indexUses(i, name, dialect))
        || referencedElsewhere(table, name);
    return used ? Optional.empty() : column;
  }

  private static boolean indexUses(Index index, String column, PostgresDialect dialect) {
    return index.include().contains(column)
        || index.keys().stream().map(Index::keyTarget)
            .anyMatch(k -> k.equals(column) || k.startsWith("(") && dialect.references(k, column))
        || index.predicate() != null && dialect.references(index.predicate(), column);
  }

  private boolean referencedElsewhere(Table table, String column) {
    return current.schemas().stream().flatMap(s -> s.tables().stream().flatMap(t -> t.foreignKeys().stream()))
        .anyMatch(f -> f.referencedTable().name().equals(table.name()) && f.referencedColumns().contains(column));
  }

  /** @return the table's name before a table rename of the plan, when the plan renames it */
  private static Optional<QualifiedName> renamedFrom(QualifiedName table, List<Change> changes) {
    return changes.stream()
        .filter(c -> c instanceof RenameTable r && r.from().schema().equals(table.schema()) && r.to().equals(table.name()))
        .map(c -> ((RenameTable) c).from())
        .findFirst();
  }

  /**
   * @param s the rename rendered plainly
   * @param rename the rename
   * @param column the column as it is ({@link #expandable})
   * @param batch backfill batch size
   * @return the rename as expand, online and contract pieces
   */
  PhasedStatement expandContract(Statement s, RenameColumn rename, Column column, int batch) {
    QualifiedName table = rename.table();
    String from = rename.from();
    String to = rename.to();
    Column added = new Column(to, column.type(), true, null, null, column.comment(), null, column.collation());
    Column old = OnlinePostgresRenderer.nullable(column, true);

    List<String> expand = new ArrayList<>(plain.sql(new AddColumn(table, added)));
    expand.addAll(OnlineSql.createSyncTrigger(table, from, to));
    List<String> undoExpand = new ArrayList<>(OnlineSql.dropTrigger(table, to, "sync"));
    undoExpand.addAll(plain.sql(new DropColumn(table, added)));

    List<StepSql> parts = new ArrayList<>();
    parts.add(new StepSql(Stage.EXPAND, expand, undoExpand));
    String loop = OnlineSql.fillInBatches(table, to, quote(from), batch);
    parts.add(new StepSql(Stage.BACKFILL, List.of(loop), List.of(), true,
        java.util.Map.of(loop, OnlineSql.fillBatch(table, to, quote(from), batch))));
    if (!column.nullable()) {
      parts.addAll(OnlinePostgresRenderer.provenNotNull(table, to));
    }

    List<String> contract = new ArrayList<>(OnlineSql.dropTrigger(table, to, "sync"));
    contract.addAll(plain.sql(new DropColumn(table, column)));
    List<String> undoContract = new ArrayList<>();
    if (column.defaultValue() != null) {
      Column withDefault = new Column(to, column.type(), column.nullable(), column.defaultValue(), null,
          column.comment(), null, column.collation());
      Column withoutDefault = new Column(to, column.type(), column.nullable(), null, null, column.comment(), null,
          column.collation());
      AlterColumn setDefault = new AlterColumn(table, withoutDefault, withDefault, Set.of(Aspect.DEFAULT));
      contract.addAll(plain.sql(setDefault));
      undoContract.addAll(plain.sql(setDefault.reverse()));
    }
    undoContract.addAll(plain.sql(new AddColumn(table, old)));
    undoContract.add(OnlineSql.fillAll(table, from, quote(to)));
    if (!column.nullable()) {
      undoContract.add(OnlineSql.nullability(table, from, false));
    }
    undoContract.addAll(OnlineSql.createSyncTrigger(table, from, to));
    parts.add(new StepSql(Stage.CONTRACT, contract, undoContract));
    return PhasedStatement.of(s, parts);
  }

}
