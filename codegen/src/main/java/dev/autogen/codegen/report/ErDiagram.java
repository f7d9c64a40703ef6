package dev.autogen.codegen.report;

import dev.autogen.codegen.ChangeFacts;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.CreateTable;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropTable;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A Mermaid {@code erDiagram} of the tables a plan touches: each with its columns (type, {@code PK},
 * {@code FK}, {@code UK} for a single-column unique constraint), the columns the plan adds, drops,
 * alters or renames marked in the attribute's comment, and one relationship per foreign key of a
 * touched table, drawn to the referenced table (which appears with only its referenced columns when
 * the plan does not touch it). A table the plan creates, drops or renames says so in its entity name
 * ({@code "wishlist_item (new)"}); a foreign key it adds or drops says so in its label. All names go
 * through {@link MermaidText}, so hostile identifiers cannot break the diagram.
 *
 * <p>Columns and keys come from the target catalog for tables that exist there, from the change
 * itself for a created or dropped table, and from the current catalog otherwise; a column that only
 * the changes know (catalogs left empty) still appears with what its change says.
 */
final class ErDiagram {

  /** A foreign key of a touched table, with whether the plan adds or drops it. */
  private record Relation(QualifiedName child, ForeignKey key, String state) {}

  private final MigrationPlan plan;
  private final Catalog current;
  private final Catalog target;
  private final Map<QualifiedName, QualifiedName> renamedTo = new LinkedHashMap<>();
  private final Map<QualifiedName, QualifiedName> renamedFrom = new LinkedHashMap<>();
  private final Map<QualifiedName, Table> created = new LinkedHashMap<>();
  private final Map<QualifiedName, Table> dropped = new LinkedHashMap<>();
  private final List<QualifiedName> touched;
  private final List<QualifiedName> shown;

  /**
   * @param plan the plan, never null
   * @param current the catalog the plan starts from, never null (may be empty)
   * @param target the catalog the plan leads to, never null (may be empty)
   * @param maxTables the most touched tables to draw, at least 1; the first ones by name are drawn
   */
  ErDiagram(MigrationPlan plan, Catalog current, Catalog target, int maxTables) {
    this.plan = plan;
    this.current = Objects.requireNonNull(current, "current");
    this.target = Objects.requireNonNull(target, "target");
    for (Change c : plan.changes()) {
      if (c instanceof RenameTable r) {
        QualifiedName to = new QualifiedName(r.from().schema(), r.to());
        renamedTo.put(r.from(), to);
        renamedFrom.put(to, r.from());
      } else if (c instanceof CreateTable t) {
        created.put(t.subject(), t.table());
      } else if (c instanceof DropTable t) {
        dropped.put(t.subject(), t.table());
      }
    }
    Set<QualifiedName> tables = new TreeSet<>();
    plan.changes().stream().filter(c -> ChangeFacts.of(c).table() != null)
        .forEach(c -> tables.add(targetName(c.subject())));
    this.touched = List.copyOf(tables);
    this.shown = touched.stream().limit(maxTables).toList();
  }

  /** @return the tables the plan touches, by their target names, sorted */
  List<QualifiedName> touched() {
    return touched;
  }

  /** @return the touched tables the diagram draws: the first {@code maxTables} of {@link #touched()} */
  List<QualifiedName> shown() {
    return shown;
  }

  /** @return the diagram's text, starting {@code erDiagram}, lines ending in {@code \n}; empty when no table is touched */
  String mermaid() {
    if (shown.isEmpty()) {
      return "";
    }
    List<Relation> relations = relations();
    Set<QualifiedName> referencedOnly = new TreeSet<>();
    relations.forEach(r -> {
      if (!shown.contains(r.key().referencedTable())) {
        referencedOnly.add(r.key().referencedTable());
      }
    });
    Map<QualifiedName, String> names = entityNames(referencedOnly);
    StringBuilder out = new StringBuilder("erDiagram\n");
    for (QualifiedName t : shown) {
      appendEntity(out, names.get(t), attributes(t, relations));
    }
    for (QualifiedName t : referencedOnly) {
      appendEntity(out, names.get(t), referencedAttributes(t, relations));
    }
    for (Relation r : relations) {
      out.append("    ").append(names.get(r.key().referencedTable())).append(' ').append(relationship(r))
          .append(' ').append(names.get(r.child())).append(" : ")
          .append(MermaidText.quoted(String.join(", ", r.key().columns()) + r.state())).append('\n');
    }
    return out.toString();
  }

  private static void appendEntity(StringBuilder out, String name, List<String> attributes) {
    out.append("    ").append(name);
    if (!attributes.isEmpty()) {
      out.append(" {\n");
      attributes.forEach(a -> out.append("        ").append(a).append('\n'));
      out.append("    }");
    }
    out.append('\n');
  }

  /** The name a table has once the plan ran (a renamed table's new name). */
  private QualifiedName targetName(QualifiedName name) {
    return renamedTo.getOrDefault(name, name);
  }

  /** The table's shape: target catalog, the created or dropped table, the current catalog. */
  private Optional<Table> shape(QualifiedName table) {
    return target.table(table)
        .or(() -> Optional.ofNullable(created.get(table)))
        .or(() -> Optional.ofNullable(dropped.get(table)))
        .or(() -> current.table(renamedFrom.getOrDefault(table, table)));
  }

  /** Quoted, unique entity names; schema-qualified only when the diagram spans several schemas. */
  private Map<QualifiedName, String> entityNames(Set<QualifiedName> referencedOnly) {
    List<QualifiedName> all = Stream.concat(shown.stream(), referencedOnly.stream()).toList();
    boolean qualify = all.stream().map(QualifiedName::schema).distinct().count() > 1;
    Map<QualifiedName, String> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (QualifiedName t : all) {
      String base = (qualify ? t.toString() : t.name()) + state(t, referencedOnly.contains(t));
      String name = MermaidText.entity(base);
      for (int n = 2; !used.add(name); n++) {
        name = MermaidText.entity(base + " #" + n);
      }
      names.put(t, name);
    }
    return names;
  }

  private String state(QualifiedName table, boolean referencedOnly) {
    if (referencedOnly) {
      return "";
    } else if (created.containsKey(table)) {
      return " (new)";
    } else if (dropped.containsKey(table)) {
      return " (dropped)";
    } else if (renamedFrom.containsKey(table)) {
      return " (renamed from " + renamedFrom.get(table).name() + ")";
    }
    return "";
  }

  /** The attribute lines of a touched table: its columns, then the columns the plan drops. */
  private List<String> attributes(QualifiedName table, List<Relation> relations) {
    Optional<Table> shape = shape(table);
    Map<String, Column> columns = new LinkedHashMap<>();
    shape.ifPresent(t -> t.columns().forEach(c -> columns.put(c.name(), c)));
    Map<String, List<String>> notes = new LinkedHashMap<>();
    Map<String, Column> droppedColumns = new LinkedHashMap<>();
    boolean wholeTable = created.containsKey(table) || dropped.containsKey(table);
    for (Change c : plan.changes()) {
      if (!targetName(c.subject()).equals(table) || wholeTable) {
        continue;
      }
      if (c instanceof AddColumn a) {
        columns.putIfAbsent(a.added().name(), a.added());
        note(notes, a.added().name(), "added");
      } else if (c instanceof DropColumn d) {
        droppedColumns.put(d.dropped().name(), d.dropped());
        note(notes, d.dropped().name(), "dropped");
      } else if (c instanceof AlterColumn a) {
        columns.putIfAbsent(a.to().name(), a.to());
        ChangeFacts facts = ChangeFacts.of(a);
        note(notes, a.to().name(), "changed: " + facts.from() + " -> " + facts.to());
      } else if (c instanceof RenameColumn r) {
        note(notes, r.to(), "renamed from " + r.from());
      }
    }
    droppedColumns.keySet().forEach(columns::remove);
    columns.putAll(droppedColumns);
    Set<String> pk = shape.map(t -> t.primaryKey() == null ? Set.<String>of() : Set.copyOf(t.primaryKey().columns()))
        .orElse(Set.of());
    Set<String> fk = new HashSet<>();
    relations.stream().filter(r -> r.child().equals(table)).forEach(r -> fk.addAll(r.key().columns()));
    Set<String> uk = new HashSet<>();
    shape.ifPresent(t -> t.uniques().stream().map(UniqueConstraint::columns).filter(cs -> cs.size() == 1)
        .forEach(uk::addAll));
    List<String> lines = new ArrayList<>();
    for (Column c : columns.values()) {
      lines.add(attribute(c, pk, fk, uk, notes.getOrDefault(c.name(), List.of())));
    }
    return lines;
  }

  private static void note(Map<String, List<String>> notes, String column, String note) {
    notes.computeIfAbsent(column, k -> new ArrayList<>()).add(note);
  }

  /** A table the plan does not touch: only the columns foreign keys reference, with their types when known. */
  private List<String> referencedAttributes(QualifiedName table, List<Relation> relations) {
    Optional<Table> shape = target.table(table).or(() -> current.table(table));
    if (shape.isEmpty()) {
      return List.of();
    }
    Set<String> referenced = new LinkedHashSet<>();
    relations.stream().filter(r -> r.key().referencedTable().equals(table))
        .forEach(r -> referenced.addAll(r.key().referencedColumns()));
    Set<String> pk = shape.get().primaryKey() == null ? Set.of() : Set.copyOf(shape.get().primaryKey().columns());
    return shape.get().columns().stream().filter(c -> referenced.contains(c.name()))
        .map(c -> attribute(c, pk, Set.of(), Set.of(), List.of())).toList();
  }

  private static String attribute(Column c, Set<String> pk, Set<String> fk, Set<String> uk, List<String> notes) {
    StringBuilder sb = new StringBuilder(MermaidText.attributeType(c.type().sql())).append(' ')
        .append(MermaidText.attributeName(c.name()));
    List<String> keys = new ArrayList<>();
    if (pk.contains(c.name())) {
      keys.add("PK");
    }
    if (fk.contains(c.name())) {
      keys.add("FK");
    }
    if (uk.contains(c.name())) {
      keys.add("UK");
    }
    if (!keys.isEmpty()) {
      sb.append(' ').append(String.join(", ", keys));
    }
    List<String> comment = new ArrayList<>();
    if (!MermaidText.isPlainName(c.name())) {
      comment.add("column " + c.name());
    }
    comment.addAll(notes);
    if (!comment.isEmpty()) {
      sb.append(' ').append(MermaidText.quoted(String.join("; ", comment)));
    }
    return sb.toString();
  }

  /**
   * The foreign keys of the shown tables: the target's (or, for a dropped table, the current
   * catalog's), and those the plan adds or drops, each once, sorted by table.
   */
  private List<Relation> relations() {
    Map<QualifiedName, Map<ForeignKey, String>> byTable = new TreeMap<>();
    for (QualifiedName t : shown) {
      Map<ForeignKey, String> keys = byTable.computeIfAbsent(t, k -> new LinkedHashMap<>());
      Optional<Table> withKeys = dropped.containsKey(t) ? current.table(t) : target.table(t);
      String state = dropped.containsKey(t) ? " (dropped)" : "";
      withKeys.ifPresent(table -> table.foreignKeys().forEach(fk -> keys.put(fk.structure(), state)));
    }
    for (Change c : plan.changes()) {
      Map<ForeignKey, String> keys = byTable.get(targetName(c.subject()));
      if (keys == null) {
        continue;
      }
      if (c instanceof AddForeignKey a) {
        keys.put(a.key().structure(), created.containsKey(targetName(a.table())) ? "" : " (new)");
      } else if (c instanceof DropForeignKey d) {
        ForeignKey key = d.key().structure();
        keys.put(new ForeignKey(null, key.columns(), targetName(key.referencedTable()), key.referencedColumns(),
            key.onDelete(), key.onUpdate()), " (dropped)");
      }
    }
    List<Relation> relations = new ArrayList<>();
    byTable.forEach((t, keys) -> keys.forEach((key, state) -> relations.add(new Relation(t, key, state))));
    return relations;
  }

  /**
   * Crow's-foot ends: the referenced side is exactly one when every key column is NOT NULL, else zero
   * or one; the referencing side is zero or one when the key columns are its primary key or a unique
   * constraint, else zero or more. The line is solid (identifying) when the key columns are part of
   * the primary key.
   */
  private String relationship(Relation r) {
    Optional<Table> child = shape(r.child());
    Set<String> columns = Set.copyOf(r.key().columns());
    boolean required = child.isPresent() && r.key().columns().stream()
        .allMatch(name -> child.get().column(name).map(c -> !c.nullable()).orElse(false));
    Set<String> pk = child.map(t -> t.primaryKey() == null ? Set.<String>of() : Set.copyOf(t.primaryKey().columns()))
        .orElse(Set.of());
    boolean single = columns.equals(pk) || child.map(t -> t.uniques().stream()
        .anyMatch(u -> Set.copyOf(u.columns()).equals(columns))).orElse(false);
    boolean identifying = !pk.isEmpty() && pk.containsAll(columns);
    return (required ? "||" : "|o") + (identifying ? "--" : "..") + (single ? "o|" : "o{");
  }
}
