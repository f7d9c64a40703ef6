package dev.autogen.codegen.postgres;

import dev.autogen.codegen.SqlRenderer;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AddPrimaryKey;
import dev.autogen.diff.Change.AddUnique;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.AlterEnum;
import dev.autogen.diff.Change.AlterSequence;
import dev.autogen.diff.Change.AlterTableComment;
import dev.autogen.diff.Change.CreateEnum;
import dev.autogen.diff.Change.CreateIndex;
import dev.autogen.diff.Change.CreateSequence;
import dev.autogen.diff.Change.CreateTable;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropEnum;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.diff.Change.DropSequence;
import dev.autogen.diff.Change.DropTable;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.MigrationPlan;
import java.util.List;

/**
 * The PostgreSQL {@link SqlRenderer}: every {@link Change} kind as PostgreSQL 12+ DDL. Identifiers
 * are quoted by {@link PostgresIdentifiers}, unnamed constraints and indexes get PostgreSQL's own
 * default names ({@link PostgresNames}), comments are string constants ({@link PostgresLiterals}).
 * All statements run inside a transaction. Stateless and thread-safe.
 */
public final class PostgresRenderer implements SqlRenderer {

  /** Creates the renderer; it holds no state. */
  public PostgresRenderer() {}

  @Override
  public List<Statement> render(MigrationPlan plan) {
    return plan.changes().stream()
        .map(c -> new Statement(c, sql(c), sql(c.reverse()), plan.diagnostics(c), true))
        .toList();
  }

  /**
   * @param change a change, never null
   * @return the statements that apply it, in order, without semicolons; empty only for an {@link
   *     AlterSequence} or {@link AlterEnum} whose two sides are equal
   * @throws IllegalArgumentException for an {@link AlterSequence} or {@link AlterEnum} whose two
   *     sides have different names
   */
  public List<String> sql(Change change) {
    if (change instanceof CreateTable c) {
      return PostgresTables.create(c.schema(), c.table());
    } else if (change instanceof DropTable c) {
      return List.of(PostgresTables.drop(c.schema(), c.table()));
    } else if (change instanceof RenameTable c) {
      return List.of(PostgresTables.rename(c.from(), c.to()));
    } else if (change instanceof AddColumn c) {
      return PostgresColumnStatements.add(c.table(), c.added());
    } else if (change instanceof DropColumn c) {
      return List.of(PostgresColumnStatements.drop(c.table(), c.dropped()));
    } else if (change instanceof AlterColumn c) {
      return PostgresColumnStatements.alter(c);
    } else if (change instanceof RenameColumn c) {
      return List.of(PostgresColumnStatements.rename(c.table(), c.from(), c.to()));
    }
    return constraintOrTypeSql(change);
  }

  private static List<String> constraintOrTypeSql(Change change) {
    if (change instanceof AddPrimaryKey c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.primaryKey(c.table().name(), c.key())));
    } else if (change instanceof DropPrimaryKey c) {
      return List.of(PostgresConstraints.drop(c.table(), PostgresNames.primaryKey(c.table().name(), c.key())));
    } else if (change instanceof AddForeignKey c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.foreignKey(c.table().name(), c.key())));
    } else if (change instanceof DropForeignKey c) {
      return List.of(PostgresConstraints.drop(c.table(), PostgresNames.foreignKey(c.table().name(), c.key())));
    } else if (change instanceof AddUnique c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.unique(c.table().name(), c.unique())));
    } else if (change instanceof DropUnique c) {
      return List.of(PostgresConstraints.drop(c.table(), PostgresNames.unique(c.table().name(), c.unique())));
    } else if (change instanceof AddCheck c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.check(c.table().name(), c.check())));
    } else if (change instanceof DropCheck c) {
      return List.of(PostgresConstraints.drop(c.table(), PostgresNames.check(c.table().name(), c.check())));
    } else if (change instanceof CreateIndex c) {
      return List.of(PostgresConstraints.createIndex(c.table(), c.index()));
    } else if (change instanceof DropIndex c) {
      return List.of(PostgresConstraints.dropIndex(c.table(), c.index()));
    } else if (change instanceof CreateSequence c) {
      return List.of(PostgresSequences.create(c.schema(), c.sequence()));
    } else if (change instanceof AlterSequence c) {
      return PostgresSequences.alter(c.schema(), c.from(), c.to());
    } else if (change instanceof DropSequence c) {
      return List.of(PostgresSequences.drop(c.schema(), c.sequence()));
    } else if (change instanceof CreateEnum c) {
      return List.of(PostgresEnums.create(c.schema(), c.type()));
    } else if (change instanceof AlterEnum c) {
      return PostgresEnums.alter(c.schema(), c.from(), c.to());
    } else if (change instanceof DropEnum c) {
      return List.of(PostgresEnums.drop(c.schema(), c.type()));
    } else if (change instanceof AlterTableComment c) {
      return List.of(PostgresComments.onTable(c.table(), c.to()));
    }
    throw new IllegalArgumentException("no PostgreSQL rendering for change kind " + change.kind());
  }
}
