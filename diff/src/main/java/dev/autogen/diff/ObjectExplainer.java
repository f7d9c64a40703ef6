package dev.autogen.diff;

import dev.autogen.diff.Explanation.Finding;
import dev.autogen.diff.baseline.ChangeFingerprints;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Explains why autogen finds one table or column equal or different ({@code autogen diff --explain
 * OBJECT}): both sides as read, each aspect with the normalisation rule that decided it, and the plan's
 * changes on the object. The verdicts are the diff's own: the plan comes from {@link SchemaDiff}, the
 * aspects from {@link ColumnComparison} and {@link TableComparison} under the same {@link
 * DiffOptions}. Confirmed renames apply first, so a renamed column is explained as the pair the
 * rename makes.
 */
public final class ObjectExplainer {

  private static final double CLOSE = 0.8;
  private static final int MAX_CLOSE_NAMES = 5;

  private final DiffOptions options;
  private final ColumnExplainer columns;
  private final TableExplainer tables;
  private final ChangeFingerprints fingerprints;

  /**
   * @param options the dialect, confirmed renames and policies, the same the diff runs with; never null
   * @throws NullPointerException when options is null
   */
  public ObjectExplainer(DiffOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.columns = new ColumnExplainer(options);
    this.tables = new TableExplainer(options);
    this.fingerprints = new ChangeFingerprints(options.dialect());
  }

  /** A resolved object: a table, or a column of it. */
  private record Located(QualifiedName table, String column) {}

  /**
   * @param current the schema as it is (the database), never null
   * @param target the schema as it should be (the entities), never null
   * @param object {@code table}, {@code table.column}, {@code schema.table} or {@code
   *     schema.table.column}; names as the catalog stores them, or unquoted spellings that fold to them
   *     (PostgreSQL folds to lower case); a table or column may be named by its name before a confirmed
   *     rename
   * @return the explanation
   * @throws UnknownObjectException when no table or column of that name exists on either side; it
   *     lists close names
   * @throws InvalidRenameException when a confirmed rename names nothing or is malformed
   */
  public Explanation explain(Catalog current, Catalog target, String object) {
    MigrationPlan plan = new SchemaDiff(options).diff(current, target);
    Catalog renamed = renamed(current, plan);
    List<String> notes = new ArrayList<>();
    Located at = locate(object.trim(), renamed, target, plan, notes);
    Table c = renamed.table(at.table()).orElse(null);
    Table t = target.table(at.table()).orElse(null);
    return at.column() == null ? table(at.table(), c, t, plan, notes) : column(at, c, t, plan, notes);
  }

  private Explanation table(QualifiedName name, Table current, Table target, MigrationPlan plan, List<String> notes) {
    List<Finding> findings = new ArrayList<>();
    if (current != null && target != null) {
      findings.addAll(tables.findings(name, current, target));
      plan.unmanaged().stream()
          .filter(u -> u.kind() == UnmanagedKind.TRIGGERS && name.schema().equals(u.schema())
              && name.name().equals(u.table()))
          .forEach(u -> findings.add(new Finding("trigger " + u.name(), true,
              "only in the database; entities never declare triggers, so it is left alone (unmanaged)")));
    } else {
      findings.add(presence(current != null, "table"));
    }
    List<String> changes = plan.changes().stream()
        .filter(ch -> ch.subject().equals(name) || ch instanceof Change.RenameTable r && r.to().equals(name.name())
            && r.from().schema().equals(name.schema()))
        .map(ch -> fingerprints.of(ch).description()).toList();
    return new Explanation("table " + name, notes,
        current == null ? "no such table" : TableExplainer.asRead(current),
        target == null ? "no such table" : TableExplainer.asRead(target), findings, changes);
  }

  private Explanation column(Located at, Table currentTable, Table targetTable, MigrationPlan plan, List<String> notes) {
    Column current = currentTable == null ? null : currentTable.column(at.column()).orElse(null);
    Column target = targetTable == null ? null : targetTable.column(at.column()).orElse(null);
    List<Finding> findings = new ArrayList<>();
    if (current != null && target != null) {
      findings.addAll(columns.findings(current, target));
    } else {
      findings.add(presence(current != null, currentTable == null || targetTable == null ? "table" : "column"));
    }
    plan.keptStricter().stream().filter(k -> on(k, at)).findFirst().ifPresent(k -> notes.add(
        "the database is stricter than the entities here (" + fingerprints.of(k).detail()
            + ") and the options keep it as it is"));
    List<String> changes = plan.changes().stream()
        .filter(ch -> on(ch, at) || currentTable == null != (targetTable == null) && ch.subject().equals(at.table())
            && ch.column() == null)
        .map(ch -> fingerprints.of(ch).description()).toList();
    return new Explanation("column " + at.table() + "." + at.column(), notes,
        current == null ? absent(currentTable) : ColumnExplainer.asRead(current),
        target == null ? absent(targetTable) : ColumnExplainer.asRead(target), findings, changes);
  }

  private static boolean on(Change change, Located at) {
    return change.subject().equals(at.table()) && at.column().equals(change.column());
  }

  private static String absent(Table table) {
    return table == null ? "no such table" : "no such column";
  }

  private static Finding presence(boolean inDatabase, String what) {
    return new Finding("presence", false, "the " + what + " exists only in the "
        + (inDatabase ? "database, so the plan drops it" : "entities, so the plan creates it"));
  }

  /** The current catalog with the plan's confirmed renames applied, table renames first (as the diff does). */
  private Catalog renamed(Catalog current, MigrationPlan plan) {
    Catalog renamed = current;
    for (Change change : plan.changes()) {
      if (change instanceof Change.RenameTable r) {
        renamed = CatalogRenamer.apply(renamed, new Rename(r.from(), null, r.to()), options.dialect());
      }
    }
    for (Change change : plan.changes()) {
      if (change instanceof Change.RenameColumn r) {
        renamed = CatalogRenamer.apply(renamed, new Rename(r.table(), r.from(), r.to()), options.dialect());
      }
    }
    return renamed;
  }

  private Located locate(String object, Catalog current, Catalog target, MigrationPlan plan, List<String> notes) {
    String[] parts = object.split("\\.", -1);
    Located found = null;
    if (parts.length == 1) {
      found = table(null, parts[0], current, target, plan, notes).map(t -> new Located(t, null)).orElse(null);
    } else if (parts.length == 2) {
      found = table(null, parts[0], current, target, plan, notes)
          .flatMap(t -> column(t, parts[1], current, target, plan, notes))
          .or(() -> table(parts[0], parts[1], current, target, plan, notes).map(t -> new Located(t, null)))
          .orElse(null);
    } else if (parts.length == 3) {
      found = table(parts[0], parts[1], current, target, plan, notes)
          .flatMap(t -> column(t, parts[2], current, target, plan, notes)).orElse(null);
    }
    if (found == null) {
      throw new UnknownObjectException(object, closeNames(object, current, target));
    }
    return found;
  }

  /** A table of that name on either side; an unqualified name prefers the default schema, then any one schema. */
  private Optional<QualifiedName> table(
      String schema, String name, Catalog current, Catalog target, MigrationPlan plan, List<String> notes) {
    for (String spelling : spellings(name)) {
      for (Change change : plan.changes()) {
        if (change instanceof Change.RenameTable r && r.from().name().equals(spelling)
            && (schema == null || r.from().schema().equals(schema))) {
          notes.add(renameNote(r));
          return Optional.of(new QualifiedName(r.from().schema(), r.to()));
        }
      }
      List<QualifiedName> matches = tableNames(current, target).stream()
          .filter(q -> q.name().equals(spelling) && (schema == null || spellings(schema).contains(q.schema())))
          .sorted(Comparator.comparing((QualifiedName q) -> !q.schema().equals(options.dialect().defaultSchema())))
          .toList();
      if (!matches.isEmpty()) {
        QualifiedName match = matches.get(0);
        plan.changes().stream()
            .filter(c -> c instanceof Change.RenameTable r && r.to().equals(match.name())
                && r.from().schema().equals(match.schema()))
            .map(Change.RenameTable.class::cast).findFirst()
            .ifPresent(r -> notes.add(renameNote(r)));
        return Optional.of(match);
      }
    }
    return Optional.empty();
  }

  private Optional<Located> column(
      QualifiedName table, String name, Catalog current, Catalog target, MigrationPlan plan, List<String> notes) {
    for (String spelling : spellings(name)) {
      boolean exists = current.table(table).flatMap(t -> t.column(spelling)).isPresent()
          || target.table(table).flatMap(t -> t.column(spelling)).isPresent();
      if (exists) {
        plan.changes().stream()
            .filter(c -> c instanceof Change.RenameColumn r && r.table().equals(table) && r.to().equals(spelling))
            .map(Change.RenameColumn.class::cast).findFirst()
            .ifPresent(r -> notes.add(renameNote(r)));
        return Optional.of(new Located(table, spelling));
      }
      Optional<Change.RenameColumn> rename = plan.changes().stream()
          .filter(c -> c instanceof Change.RenameColumn r && r.table().equals(table) && r.from().equals(spelling))
          .map(Change.RenameColumn.class::cast).findFirst();
      if (rename.isPresent()) {
        notes.add(renameNote(rename.get()));
        return Optional.of(new Located(table, rename.get().to()));
      }
    }
    return Optional.empty();
  }

  private static String renameNote(Change.RenameTable r) {
    return "--rename " + r.from().name() + "=" + r.to() + ": the database table " + r.from() + " is compared as "
        + r.to();
  }

  private static String renameNote(Change.RenameColumn r) {
    return "--rename " + r.table().name() + "." + r.from() + "=" + r.to() + ": the database column " + r.from()
        + " is compared as " + r.to();
  }

  /** The name as written, then as the dialect folds it when that differs. */
  private List<String> spellings(String name) {
    String folded = options.dialect().foldIdentifier(name);
    return folded.equals(name) ? List.of(name) : List.of(name, folded);
  }

  private static TreeSet<QualifiedName> tableNames(Catalog current, Catalog target) {
    TreeSet<QualifiedName> names = new TreeSet<>();
    for (Catalog catalog : List.of(current, target)) {
      for (Schema schema : catalog.schemas()) {
        schema.tables().forEach(t -> names.add(new QualifiedName(schema.name(), t.name())));
      }
    }
    return names;
  }

  /** Table and column names of either side that look like the unknown one, best first. */
  private List<String> closeNames(String object, Catalog current, Catalog target) {
    JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();
    String wanted = object.toLowerCase(Locale.ROOT);
    Map<String, Double> scores = new TreeMap<>();
    for (QualifiedName q : tableNames(current, target)) {
      String table = q.schema().equals(options.dialect().defaultSchema()) ? q.name() : q.toString();
      scores.put(table, similarity.apply(wanted, table.toLowerCase(Locale.ROOT)));
      for (Catalog catalog : List.of(current, target)) {
        catalog.table(q).ifPresent(t -> t.columns().forEach(c -> {
          String column = table + "." + c.name();
          scores.put(column, similarity.apply(wanted, column.toLowerCase(Locale.ROOT)));
        }));
      }
    }
    return scores.entrySet().stream().filter(e -> e.getValue() >= CLOSE)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(MAX_CLOSE_NAMES).map(Map.Entry::getKey).toList();
  }
}
