package dev.autogen.diff.risk;

import dev.autogen.diff.Change;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.DataProbe;
import dev.autogen.model.Dialect;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an analyzer may ask about the whole plan.
 *
 * @param dialect the dialect's type knowledge, never null
 * @param changes all changes in order, never null
 * @param createdTables tables the plan creates: objects created in the same migration carry no lock or
 *     data hazards (DESIGN.md, Risk)
 * @param serverVersion the target server's version as PostgreSQL's {@code server_version_num}, {@link
 *     Dialect#LATEST_SERVER_VERSION} when unknown
 * @param probe the live database's data probe, or null in replay mode; its questions name objects as
 *     they are before the plan runs ({@link #databaseTable}, {@link #databaseColumn}, {@link
 *     #databaseExpression})
 * @param current the catalog the plan starts from, with confirmed renames applied, or null when not
 *     known (a plan analysed on its own)
 * @param target the catalog the plan leads to, or null when not known
 */
public record PlanContext(Dialect dialect, List<Change> changes, Set<QualifiedName> createdTables,
    int serverVersion, DataProbe probe, Catalog current, Catalog target) {

  /** @throws NullPointerException when an argument but probe is null */
  public PlanContext {
    changes = List.copyOf(changes);
    createdTables = Set.copyOf(createdTables);
  }

  /**
   * A context for an unknown server version and no probe.
   *
   * @param dialect the dialect, never null
   * @param changes all changes in order, never null
   * @param createdTables the tables the plan creates, never null
   */
  public PlanContext(Dialect dialect, List<Change> changes, Set<QualifiedName> createdTables) {
    this(dialect, changes, createdTables, Dialect.LATEST_SERVER_VERSION, null, null, null);
  }

  /**
   * @param dialect the dialect
   * @param changes the ordered changes
   * @return the context of that plan, for an unknown server version and without a probe
   */
  public static PlanContext of(Dialect dialect, List<Change> changes) {
    return of(dialect, changes, Dialect.LATEST_SERVER_VERSION, null);
  }

  /**
   * @param dialect the dialect, never null
   * @param changes the ordered changes, never null
   * @param serverVersion see {@link #serverVersion()}
   * @param probe the data probe or null; each question is asked of it once per plan (answers are kept)
   * @return the context of that plan
   */
  public static PlanContext of(Dialect dialect, List<Change> changes, int serverVersion, DataProbe probe) {
    return of(dialect, changes, serverVersion, probe, null, null);
  }

  /**
   * @param dialect the dialect, never null
   * @param changes the ordered changes, never null
   * @param serverVersion see {@link #serverVersion()}
   * @param probe the data probe or null; each question is asked of it once per plan (answers are kept)
   * @param current see {@link #current()}, or null
   * @param target see {@link #target()}, or null
   * @return the context of that plan
   */
  public static PlanContext of(Dialect dialect, List<Change> changes, int serverVersion, DataProbe probe,
      Catalog current, Catalog target) {
    Set<QualifiedName> created = changes.stream()
        .filter(c -> c instanceof Change.CreateTable)
        .map(Change::subject)
        .collect(Collectors.toSet());
    return new PlanContext(dialect, changes, created, serverVersion,
        probe == null ? null : new RememberingProbe(probe), current, target);
  }

  /**
   * @param table a table as the plan names it
   * @return the table as it is before the plan (renames applied), empty when unknown or absent
   */
  public Optional<Table> currentTable(QualifiedName table) {
    return current == null ? Optional.empty() : current.table(table);
  }

  /**
   * @param table a table as the plan names it
   * @return the table as the plan leaves it, empty when unknown or absent
   */
  public Optional<Table> targetTable(QualifiedName table) {
    return target == null ? Optional.empty() : target.table(table);
  }

  /**
   * @param table a table
   * @return whether the table exists before the migration runs (and so may hold rows)
   */
  public boolean existing(QualifiedName table) {
    return !createdTables.contains(table);
  }

  /**
   * @param table a table as the plan names it
   * @param column a column name as the plan names it
   * @return the column as an {@link Change.AddColumn} of this plan adds it; empty when the column
   *     exists before the plan runs
   */
  public Optional<Column> addedColumn(QualifiedName table, String column) {
    return changes.stream()
        .filter(c -> c instanceof Change.AddColumn a && a.table().equals(table) && a.added().name().equals(column))
        .map(c -> ((Change.AddColumn) c).added())
        .findFirst();
  }

  /**
   * Whether every existing row holds NULL in a column once the plan has added it: added by this plan
   * without a default, identity or generation expression. Such a column can neither hold duplicates
   * nor reference a missing row.
   *
   * @param table a table as the plan names it
   * @param column a column name as the plan names it
   * @return whether the column is added empty
   */
  public boolean addedEmpty(QualifiedName table, String column) {
    return addedColumn(table, column)
        .filter(c -> c.defaultValue() == null && c.identity() == null && c.generated() == null)
        .isPresent();
  }

  /**
   * The name a table has in the database before the plan runs: confirmed renames come first in a
   * plan and later changes use the new name.
   *
   * @param table a table as the plan's changes name it
   * @return its name in the database now
   */
  public QualifiedName databaseTable(QualifiedName table) {
    // loops, not streams: asked for each change of the plan, over all its changes
    for (Change c : changes) {
      if (c instanceof Change.RenameTable r && r.from().schema().equals(table.schema()) && r.to().equals(table.name())) {
        return r.from();
      }
    }
    return table;
  }

  /**
   * @param table a table as the plan's changes name it
   * @param column a column of it as the plan's changes name it
   * @return the column's name in the database before the plan runs (see {@link #databaseTable})
   */
  public String databaseColumn(QualifiedName table, String column) {
    for (Change c : changes) {
      if (c instanceof Change.RenameColumn r && r.table().equals(table) && r.to().equals(column)) {
        return r.from();
      }
    }
    return column;
  }

  /**
   * @param table a table as the plan's changes name it
   * @param expression an expression over its columns as the plan names them (a check), never null
   * @return the expression naming the columns as they are before the plan runs: the plan's column
   *     renames of that table undone ({@link Dialect#renameColumn})
   */
  public String databaseExpression(QualifiedName table, String expression) {
    String text = expression;
    for (Change c : changes) {
      if (c instanceof Change.RenameColumn r && r.table().equals(table)) {
        text = dialect.renameColumn(text, r.to(), r.from());
      }
    }
    return text;
  }
}
