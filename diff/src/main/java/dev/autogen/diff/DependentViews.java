package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Schema;
import dev.autogen.model.View;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The views and materialized views of the current catalog that a change cannot run under. PostgreSQL
 * records in {@code pg_depend} which columns a view's rewrite rule reads ({@link View#dependencies()})
 * and refuses to change the type or collation of such a column ({@code cannot alter type of a column
 * used by a view or rule}, PostgreSQL "ALTER TABLE", Notes) or to drop it or its table without
 * {@code CASCADE} ("5.14. Dependency Tracking"). A view that reads another such view blocks the change
 * too, so the views found are the direct readers and, transitively, every view over them.
 *
 * <p>Built once per plan; immutable and thread-safe.
 */
public final class DependentViews {

  /**
   * A view and its schema.
   *
   * @param schema the view's schema, never null
   * @param view the view, never null
   */
  public record Found(String schema, View view) {
    /** @return the view's schema-qualified name */
    public QualifiedName name() {
      return new QualifiedName(schema, view.name());
    }
  }

  private final Map<QualifiedName, Found> views = new TreeMap<>();

  private DependentViews(Catalog current) {
    if (current != null) {
      for (Schema s : current.schemas()) {
        s.views().forEach(v -> views.put(new QualifiedName(s.name(), v.name()), new Found(s.name(), v)));
      }
    }
  }

  /**
   * @param current the catalog the plan starts from (confirmed renames applied), or null when unknown
   *     (then no change has dependent views)
   * @return the views of that catalog, ready to be asked about changes
   */
  public static DependentViews of(Catalog current) {
    return new DependentViews(current);
  }

  /**
   * @param change a change of the plan, never null
   * @return whether the change removes what a view reads (a dropped column or table), so that the view
   *     cannot be re-created from its definition after it
   */
  public static boolean removes(Change change) {
    return change instanceof Change.DropColumn || change instanceof Change.DropTable;
  }

  /**
   * @param change a change of the plan, never null
   * @return the views the change cannot run under: those reading the column it drops or whose type or
   *     collation it changes, or any column of the table it drops, and every view over those; in
   *     creation order (a view after the views it reads), empty for other changes
   */
  public List<Found> blocking(Change change) {
    Set<QualifiedName> found = new LinkedHashSet<>();
    for (Found f : views.values()) {
      if (f.view().dependencies().stream().anyMatch(d -> blockedBy(change, d))) {
        found.add(f.name());
      }
    }
    boolean grew = !found.isEmpty();
    while (grew) {
      grew = false;
      for (Found f : views.values()) {
        if (!found.contains(f.name()) && f.view().dependencies().stream().anyMatch(d -> found.contains(d.relation()))) {
          grew = found.add(f.name());
        }
      }
    }
    return creationOrder(found);
  }

  /**
   * @param names views of this catalog
   * @return those views ordered so that each comes after the views among them that it reads; ties by
   *     name
   */
  public List<Found> creationOrder(Set<QualifiedName> names) {
    List<Found> ordered = new ArrayList<>();
    Set<QualifiedName> placed = new LinkedHashSet<>();
    for (QualifiedName name : new java.util.TreeSet<>(names)) {
      place(name, names, placed, ordered, new LinkedHashSet<>());
    }
    return ordered;
  }

  private void place(QualifiedName name, Set<QualifiedName> among, Set<QualifiedName> placed, List<Found> ordered,
      Set<QualifiedName> visiting) {
    if (placed.contains(name) || !visiting.add(name)) {
      return;
    }
    Found f = views.get(name);
    f.view().dependencies().stream().map(View.Dependency::relation).filter(among::contains).sorted()
        .forEach(d -> place(d, among, placed, ordered, visiting));
    placed.add(name);
    ordered.add(f);
  }

  /**
   * @param view a view of this catalog
   * @param changes the plan's changes
   * @return whether the view can be created again from its definition once the plan has run: its
   *     definition is known and the plan neither drops nor renames anything it reads
   */
  public boolean recreatable(Found view, List<Change> changes) {
    if (view.view().definition() == null) {
      return false;
    }
    for (View.Dependency d : view.view().dependencies()) {
      for (Change c : changes) {
        if (removes(c) && blockedBy(c, d)
            || c instanceof Change.RenameTable r && r.from().equals(d.relation())
            || c instanceof Change.RenameColumn r && r.table().equals(d.relation()) && r.from().equals(d.column())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean blockedBy(Change change, View.Dependency d) {
    if (change instanceof Change.DropTable t) {
      return d.relation().equals(t.subject());
    }
    if (change instanceof Change.DropColumn c) {
      return d.relation().equals(c.table()) && c.dropped().name().equals(d.column());
    }
    if (change instanceof Change.AlterColumn a
        && (a.aspects().contains(Change.Aspect.TYPE) || a.aspects().contains(Change.Aspect.COLLATION))) {
      return d.relation().equals(a.table()) && a.from().name().equals(d.column());
    }
    return false;
  }
}
