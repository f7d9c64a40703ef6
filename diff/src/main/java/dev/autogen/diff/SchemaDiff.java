package dev.autogen.diff;

import dev.autogen.diff.risk.RiskAnalysis;
import dev.autogen.model.Catalog;
import dev.autogen.model.EnumType;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.Table;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
/**
 * The diff engine: compares the current catalog (the database) with the target catalog (the
 * entities) and returns the ordered changes with their hazards.
 *
 * <p>Steps: confirmed renames are applied to the current side first (each becomes a {@link
 * Change.RenameTable} or {@link Change.RenameColumn}); then enums, sequences and tables are compared
 * schema by schema; kept foreign keys that a key drop or a type change disturbs are dropped and added
 * again ({@link ForeignKeyDependencies}); then the changes are put in dependency order ({@link
 * ChangeOrder}); last the risk
 * analyzers run over the ordered list ({@link RiskAnalysis}). Renames are never guessed: an unmatched
 * drop and add that look alike become a {@link Hazard#SUSPECTED_RENAME} diagnostic only.
 */
public final class SchemaDiff {

  private static final Comparator<UnmanagedObject> UNMANAGED_ORDER = Comparator
      .comparing(UnmanagedObject::schema)
      .thenComparing(UnmanagedObject::table, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(UnmanagedObject::kind)
      .thenComparing(UnmanagedObject::name, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final DiffOptions options;
  private final TableComparison tables;

  /** @param options the dialect and confirmed renames, never null */
  public SchemaDiff(DiffOptions options) {
    this.options = options;
    this.tables = new TableComparison(options);
  }

  /**
   * @param current the schema as it is (introspected or replayed), never null
   * @param target the schema as it should be (from the entities), never null
   * @return the ordered plan; empty when both mean the same
   * @throws InvalidRenameException when a confirmed rename names nothing or is malformed
   */
  public MigrationPlan diff(Catalog current, Catalog target) {
    Findings findings = new Findings();
    List<Change> changes = findings.changes;
    Catalog renamed = current;
    Map<QualifiedName, QualifiedName> renamedTables = new HashMap<>();
    for (Rename r : new RenameResolver(current, target, options.dialect().defaultSchema()).resolve(options.renames())) {
      if (r.isColumn()) {
        // a column rename names the table as it is now; a table rename before it moved that name
        Rename applied = new Rename(renamedTables.getOrDefault(r.table(), r.table()), r.column(), r.to());
        changes.add(new Change.RenameColumn(applied.table(), applied.column(), applied.to()));
        renamed = CatalogRenamer.apply(renamed, applied, options.dialect());
      } else {
        changes.add(new Change.RenameTable(r.table(), r.to()));
        renamedTables.put(r.table(), new QualifiedName(r.table().schema(), r.to()));
        renamed = CatalogRenamer.apply(renamed, r, options.dialect());
      }
    }
    for (String schema : schemaNames(renamed, target)) {
      Schema c = renamed.schema(schema).orElse(Schema.empty(schema));
      Schema t = target.schema(schema).orElse(Schema.empty(schema));
      compareSchema(c, t, findings);
    }
    changes.addAll(new ForeignKeyDependencies(renamed, target).rebuilds(changes));
    changes.addAll(new RecreatedColumnDependencies(renamed, target, options).rebuilds(changes));
    List<Change> ordered = ChangeOrder.sort(changes);
    if (options.recreateDependentViews()) {
      ordered = recreatingViews(ordered, DependentViews.of(renamed));
    }
    List<UnmanagedObject> unmanaged = findings.unmanaged.stream().sorted(UNMANAGED_ORDER).toList();
    return new MigrationPlan(ordered, RiskAnalysis.of(options).analyze(ordered, renamed, target), findings.relaxations,
        findings.keptStricter, unmanaged).withServerVersion(options.serverVersion());
  }

  /**
   * The plan with the views that its column changes cannot run under dropped after the confirmed
   * renames (dependents first) and created again at the end (in creation order), when every one of a
   * change's views can be re-created ({@link DependentViews#recreatable}); the views of the other
   * changes stay a {@link Hazard#DEPENDENT_OBJECT}.
   */
  private static List<Change> recreatingViews(List<Change> ordered, DependentViews views) {
    Set<QualifiedName> recreated = new java.util.TreeSet<>();
    for (Change c : ordered) {
      List<DependentViews.Found> blocking = DependentViews.removes(c) ? List.of() : views.blocking(c);
      if (blocking.stream().allMatch(v -> views.recreatable(v, ordered))) {
        blocking.forEach(v -> recreated.add(v.name()));
      }
    }
    if (recreated.isEmpty()) {
      return ordered;
    }
    List<DependentViews.Found> creation = views.creationOrder(recreated);
    int renames = (int) ordered.stream()
        .takeWhile(c -> c instanceof Change.RenameTable || c instanceof Change.RenameColumn).count();
    List<Change> result = new java.util.ArrayList<>(ordered.subList(0, renames));
    for (int i = creation.size() - 1; i >= 0; i--) {
      result.add(new Change.DropView(creation.get(i).schema(), creation.get(i).view()));
    }
    result.addAll(ordered.subList(renames, ordered.size()));
    creation.forEach(v -> result.add(new Change.CreateView(v.schema(), v.view())));
    return result;
  }

  private void compareSchema(Schema current, Schema target, Findings findings) {
    List<Change> changes = findings.changes;
    String schema = target.name();
    compareNamed(current.enums(), target.enums(), EnumType::name,
        e -> changes.add(new Change.CreateEnum(schema, e)),
        e -> changes.add(new Change.DropEnum(schema, e)),
        (c, t) -> {
          if (!c.values().equals(t.values())) {
            changes.add(new Change.AlterEnum(schema, c, t));
          }
        });
    compareNamed(current.sequences(), target.sequences(), Sequence::name,
        s -> changes.add(new Change.CreateSequence(schema, s)),
        s -> {
          if (!keptForLibrary(schema, s.name(), "sequence", findings)) {
            changes.add(new Change.DropSequence(schema, s));
          }
        },
        (c, t) -> {
          // START WITH only matters when a sequence is created or restarted (PostgreSQL docs, ALTER
          // SEQUENCE); Hibernate's schema validator ignores it too. The increment is what allocation
          // sizes rely on.
          if (c.increment() != t.increment()) {
            changes.add(new Change.AlterSequence(schema, c, t));
          }
        });
    compareNamed(current.tables(), target.tables(), Table::name,
        t -> {
          changes.add(new Change.CreateTable(schema, t));
          t.foreignKeys().forEach(fk -> changes.add(new Change.AddForeignKey(new QualifiedName(schema, t.name()), fk)));
        },
        t -> {
          if (keptForLibrary(schema, t.name(), "table", findings)) {
            return;
          }
          t.foreignKeys().forEach(fk -> changes.add(new Change.DropForeignKey(new QualifiedName(schema, t.name()), fk)));
          changes.add(new Change.DropTable(schema, t));
        },
        (c, t) -> tables.compare(new QualifiedName(schema, t.name()), c, t, findings));
    current.views().forEach(v -> findings.unmanaged(new UnmanagedObject(UnmanagedKind.VIEWS, schema, null, v.name(),
        (v.materialized() ? "materialized, " : "") + (v.definition() == null ? "definition unknown"
            : "as " + v.definition().strip().replaceAll("\\s+", " ")))));
    current.domains().forEach(d -> findings.unmanaged(new UnmanagedObject(UnmanagedKind.DOMAINS, schema, null,
        d.name(), "as " + d.baseType().sql() + (d.nullable() ? "" : " not null"))));
  }

  /**
   * Reports a table or sequence only the database has as a library's ({@link UnmanagedKind#LIBRARY_TABLES})
   * when a library on the class path owns it and the plan does not drop such objects.
   *
   * @return whether it is kept (then nothing of it may be dropped or altered)
   */
  private boolean keptForLibrary(String schema, String name, String what, Findings findings) {
    return options.keptLibraryTable(schema, name).map(owner -> {
      findings.unmanaged(new UnmanagedObject(UnmanagedKind.LIBRARY_TABLES, schema, name, null,
          what + " of " + owner.library()));
      return true;
    }).orElse(false);
  }

  /** Pairs two lists by name in linear time (a map from name to element of the current side). */
  private static <T> void compareNamed(
      List<T> current,
      List<T> target,
      Function<T, String> name,
      Consumer<T> onlyTarget,
      Consumer<T> onlyCurrent,
      BiConsumer<T, T> both) {
    Map<String, T> currentByName = new HashMap<>();
    current.forEach(c -> currentByName.put(name.apply(c), c));
    Set<String> targetNames = new HashSet<>();
    for (T t : target) {
      targetNames.add(name.apply(t));
      T c = currentByName.get(name.apply(t));
      if (c != null) {
        both.accept(c, t);
      } else {
        onlyTarget.accept(t);
      }
    }
    current.stream().filter(c -> !targetNames.contains(name.apply(c))).forEach(onlyCurrent);
  }

  private static TreeSet<String> schemaNames(Catalog a, Catalog b) {
    TreeSet<String> names = new TreeSet<>();
    a.schemas().forEach(s -> names.add(s.name()));
    b.schemas().forEach(s -> names.add(s.name()));
    return names;
  }
}
