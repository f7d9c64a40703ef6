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
import dev.autogen.diff.Change.CreateView;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropEnum;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.diff.Change.DropSequence;
import dev.autogen.diff.Change.DropTable;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.diff.Change.DropView;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.model.Dialect;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL {@link SqlRenderer}: every {@link Change} kind as PostgreSQL 12+ DDL. Identifiers
 * are quoted by {@link PostgresIdentifiers}, unnamed constraints and indexes get PostgreSQL's own
 * default names ({@link PostgresNames}, resolved for a change in one place: {@link
 * #objectName(Change)}), comments are string constants ({@link PostgresLiterals}). All statements
 * may run inside a transaction except enum label additions ({@link #transactional}). The statements
 * follow the plan's server version ({@link MigrationPlan#serverVersion()}) where versions differ: a
 * generated column's new expression is set in place from PostgreSQL 17, else the column is dropped and
 * added again ({@link dev.autogen.model.postgres.PostgresDialect#generationChange}). Stateless and
 * thread-safe.
 */
public final class PostgresRenderer implements SqlRenderer {

  /** Creates the renderer; it holds no state. */
  public PostgresRenderer() {}

  @Override
  public List<Statement> render(MigrationPlan plan) {
    return plan.changes().stream()
        .map(c -> new Statement(c, objectName(c).orElse(null), sql(c, plan.serverVersion()),
            sql(c.reverse(), plan.serverVersion()), plan.diagnostics(c), transactional(c)))
        .toList();
  }

  /**
   * @param change a change
   * @return false for an enum alteration that adds labels in either direction ({@code ALTER TYPE ...
   *     ADD VALUE}): a label added in a transaction cannot be used until it commits (PostgreSQL "ALTER
   *     TYPE", Notes), and the plan's later changes may use it (a default, a new column's default)
   */
  private static boolean transactional(Change change) {
    return !(change instanceof AlterEnum e
        && (PostgresEnums.addsValues(e.from(), e.to()) || PostgresEnums.addsValues(e.to(), e.from())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A key, constraint or index keeps the model's name; an unnamed one gets the name PostgreSQL
   * would choose ({@link PostgresNames}), which is the name the statements of {@link #sql(Change)}
   * write. A drop names the object the same way as the add it undoes.
   */
  @Override
  public Optional<String> objectName(Change change) {
    String table = change.subject().name();
    if (dropsConstraintOrIndex(change)) {
      return objectName(change.reverse());
    } else if (change instanceof AddPrimaryKey c) {
      return Optional.of(PostgresNames.primaryKey(table, c.key()));
    } else if (change instanceof AddForeignKey c) {
      return Optional.of(PostgresNames.foreignKey(table, c.key()));
    } else if (change instanceof AddUnique c) {
      return Optional.of(PostgresNames.unique(table, c.unique()));
    } else if (change instanceof AddCheck c) {
      return Optional.of(PostgresNames.check(table, c.check()));
    } else if (change instanceof CreateIndex c) {
      return Optional.of(PostgresNames.index(table, c.index()));
    } else if (change instanceof CreateSequence || change instanceof AlterSequence || change instanceof DropSequence
        || change instanceof CreateEnum || change instanceof AlterEnum || change instanceof DropEnum
        || change instanceof CreateView || change instanceof DropView) {
      return Optional.of(change.subject().name());
    }
    return Optional.empty();
  }

  /**
   * @param change a change, never null
   * @return the statements that apply it, in order, without semicolons; empty only for an {@link
   *     AlterSequence} or {@link AlterEnum} whose two sides are equal
   * @throws IllegalArgumentException for an {@link AlterSequence} or {@link AlterEnum} whose two
   *     sides have different names
   */
  public List<String> sql(Change change) {
    return sql(change, Dialect.LATEST_SERVER_VERSION);
  }

  /**
   * @param change a change, never null
   * @param serverVersion the {@code server_version_num} the statements must run on ({@link
   *     MigrationPlan#serverVersion()}); {@link Dialect#LATEST_SERVER_VERSION} when unknown. Only a
   *     change of a generated column's expression depends on it ({@link
   *     dev.autogen.model.postgres.PostgresDialect#generationChange})
   * @return as {@link #sql(Change)}, for that server version
   * @throws IllegalArgumentException as {@link #sql(Change)}
   */
  public List<String> sql(Change change, int serverVersion) {
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
      return PostgresColumnStatements.alter(c, serverVersion);
    } else if (change instanceof RenameColumn c) {
      return List.of(PostgresColumnStatements.rename(c.table(), c.from(), c.to()));
    } else if (change instanceof AlterTableComment c) {
      return List.of(PostgresComments.onTable(c.table(), c.to()));
    } else if (change instanceof CreateView c) {
      return PostgresViews.create(c.schema(), c.view());
    } else if (change instanceof DropView c) {
      return List.of(PostgresViews.drop(c.schema(), c.view()));
    }
    return namedObjectSql(change, objectName(change).orElseThrow(() -> unsupported(change)));
  }

  private static boolean dropsConstraintOrIndex(Change change) {
    return change instanceof DropPrimaryKey || change instanceof DropForeignKey || change instanceof DropUnique
        || change instanceof DropCheck || change instanceof DropIndex;
  }

  /**
   * @param name the change's {@link #objectName(Change)}: the name keys, constraints and indexes are
   *     written under; a sequence or enum type is written under its model name, which is the same
   */
  private static List<String> namedObjectSql(Change change, String name) {
    if (change instanceof DropIndex c) {
      return List.of(PostgresConstraints.dropIndex(c.table(), name));
    } else if (dropsConstraintOrIndex(change)) {
      return List.of(PostgresConstraints.drop(change.subject(), name));
    } else if (change instanceof AddPrimaryKey c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.primaryKey(name, c.key())));
    } else if (change instanceof AddForeignKey c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.foreignKey(name, c.key())));
    } else if (change instanceof AddUnique c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.unique(name, c.unique())));
    } else if (change instanceof AddCheck c) {
      return List.of(PostgresConstraints.add(c.table(), PostgresConstraints.check(name, c.check())));
    } else if (change instanceof CreateIndex c) {
      return List.of(PostgresConstraints.createIndex(c.table(), name, c.index()));
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
    }
    throw unsupported(change);
  }

  private static IllegalArgumentException unsupported(Change change) {
    return new IllegalArgumentException("no PostgreSQL rendering for change kind " + change.kind());
  }
}
