package dev.autogen.diff;

import dev.autogen.diff.Explanation.Finding;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Explains a table that exists on both sides: each column's verdict, the primary key, and each
 * foreign key, unique constraint, check and index with what it matched on the other side. Every
 * verdict is {@link TableComparison}'s, the one the diff uses: an object is matched when the
 * comparison plans no drop or add for it, and its partner is the object of the other side that the
 * comparison finds the same when the two are compared alone.
 */
final class TableExplainer {

  private static final String NAMES = "names are not compared";

  private final TableComparison tables;
  private final CanonicalForms forms;

  /** @param options the dialect and the policies the diff uses */
  TableExplainer(DiffOptions options) {
    this.tables = new TableComparison(options);
    this.forms = new CanonicalForms(options.dialect());
  }

  /** A foreign key, unique constraint, check or index of one side. */
  private record Part(Object value, String label, String shown, Set<String> columns) {}

  /**
   * @param table a table as a source read it
   * @return a one-line summary: columns, primary key, counts of keys, constraints and indexes
   */
  static String asRead(Table table) {
    return "columns " + table.columns().stream().map(Column::name).collect(Collectors.joining(", "))
        + "; primary key " + (table.primaryKey() == null ? "none"
            : name(table.primaryKey().name()) + " " + CanonicalForms.columns(table.primaryKey().columns()))
        + "; " + count(table.foreignKeys().size(), "foreign key") + ", "
        + count(table.uniques().size(), "unique constraint") + ", " + count(table.checks().size(), "check")
        + ", " + count(table.indexes().size(), "index");
  }

  /**
   * @param name the table's name (after confirmed renames)
   * @param current the table in the database
   * @param target the table in the entities
   * @return findings on each column, the primary key, every key, constraint and index, and the comment
   */
  List<Finding> findings(QualifiedName name, Table current, Table target) {
    Findings found = new Findings();
    tables.compare(name, current, target, found);
    List<Change> changes = found.changes;
    List<Finding> findings = new ArrayList<>();
    columns(current, target, found, findings);
    findings.add(primaryKey(current.primaryKey(), target.primaryKey(), changes));
    parts(name, current, target, changes, findings);
    boolean sameComment = changes.stream().noneMatch(c -> c instanceof Change.AlterTableComment);
    findings.add(new Finding("comment", sameComment,
        ColumnExplainer.comment(current.comment(), target.comment(), sameComment)));
    return findings;
  }

  private static void columns(Table current, Table target, Findings found, List<Finding> findings) {
    List<Change> changes = found.changes;
    for (Column t : target.columns()) {
      String aspect = "column " + t.name();
      Column c = current.column(t.name()).orElse(null);
      if (c == null) {
        findings.add(new Finding(aspect, false, "only in the entities: added"));
        continue;
      }
      Change.AlterColumn alter = changes.stream()
          .filter(ch -> ch instanceof Change.AlterColumn a && a.to().name().equals(t.name()))
          .map(Change.AlterColumn.class::cast).findFirst().orElse(null);
      boolean keptStricter = found.keptStricter.stream().anyMatch(k -> t.name().equals(k.column()));
      if (alter == null && keptStricter) {
        findings.add(new Finding(aspect, true, "the database is stricter than the entities and is kept as it is"));
      } else if (alter == null) {
        boolean respelled = !c.type().raw().trim().equalsIgnoreCase(t.type().raw().trim());
        findings.add(new Finding(aspect, true,
            "same" + (respelled ? " (type \"" + c.type().raw() + "\" = \"" + t.type().raw() + "\")" : "")));
      } else {
        String aspects = java.util.Arrays.stream(Change.Aspect.values()).filter(alter.aspects()::contains)
            .map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        findings.add(new Finding(aspect, false, "differs in " + aspects));
      }
    }
    current.columns().stream().filter(c -> target.column(c.name()).isEmpty())
        .forEach(c -> findings.add(new Finding("column " + c.name(), false, "only in the database: dropped")));
  }

  private static Finding primaryKey(PrimaryKey current, PrimaryKey target, List<Change> changes) {
    boolean same = changes.stream().noneMatch(c -> c instanceof Change.AddPrimaryKey || c instanceof Change.DropPrimaryKey);
    if (current == null && target == null) {
      return new Finding("primary key", true, "neither side has one");
    }
    String sides = ColumnExplainer.sides(key(current), key(target), same);
    if (same && (current == null || target == null || !PrimaryKeyComparison.sameColumns(current.columns(),
        target.columns()))) {
      return new Finding("primary key", true, sides + ": the database's key is kept (unmanaged primary-keys):"
          + " it enforces the entities' keys, and more");
    }
    return new Finding("primary key", same, sides + (same ? ": same columns in the same order; " + NAMES
        : ": the key columns differ (compared in order)"));
  }

  private static String key(PrimaryKey key) {
    return key == null ? "none" : name(key.name()) + " " + CanonicalForms.columns(key.columns());
  }

  private void parts(QualifiedName name, Table current, Table target, List<Change> changes, List<Finding> findings) {
    Set<Object> dropped = new HashSet<>();
    Set<Object> added = new HashSet<>();
    for (Change c : changes) {
      if (c instanceof Change.DropForeignKey d) {
        dropped.add(d.key());
      } else if (c instanceof Change.DropUnique d) {
        dropped.add(d.unique());
      } else if (c instanceof Change.DropCheck d) {
        dropped.add(d.check());
      } else if (c instanceof Change.DropIndex d) {
        dropped.add(d.index());
      } else if (c instanceof Change.AddForeignKey a) {
        added.add(a.key());
      } else if (c instanceof Change.AddUnique a) {
        added.add(a.unique());
      } else if (c instanceof Change.AddCheck a) {
        added.add(a.check());
      } else if (c instanceof Change.CreateIndex a) {
        added.add(a.index());
      }
    }
    List<Part> currentParts = parts(current);
    List<Part> targetParts = parts(target);
    List<Part> unpaired = new ArrayList<>(targetParts.stream().filter(p -> !added.contains(p.value())).toList());
    for (Part c : currentParts) {
      if (dropped.contains(c.value())) {
        findings.add(new Finding(c.label(), false, "database " + c.shown()
            + ": nothing in the entities has the same structure, so it is dropped" + nearMiss("entities", c, targetParts)));
        continue;
      }
      Part partner = unpaired.stream().filter(t -> same(name, current, c, t)).findFirst().orElse(null);
      if (partner == null) {
        findings.add(new Finding(c.label(), true, "database " + c.shown()
            + ": only in the database; the entities do not declare it, so it is left alone (unmanaged)"));
      } else {
        unpaired.remove(partner);
        findings.add(new Finding(c.label(), true, "database " + c.shown() + " matches entities " + partner.shown()
            + ": " + rule(c.value(), partner.value())));
      }
    }
    targetParts.stream().filter(t -> added.contains(t.value())).forEach(t -> findings.add(new Finding(t.label(), false,
        "entities " + t.shown() + ": nothing in the database has the same structure, so it is added"
            + nearMiss("database", t, currentParts))));
  }

  /** Whether the comparison finds two parts the same when each is alone on an otherwise equal table. */
  private boolean same(QualifiedName name, Table columns, Part current, Part target) {
    if (current.value().getClass() != target.value().getClass()
        && !(current.value() instanceof Index || target.value() instanceof Index)) {
      return false;
    }
    Findings found = new Findings();
    tables.compare(name, alone(columns, current), alone(columns, target), found);
    return found.changes.isEmpty();
  }

  private static Table alone(Table columns, Part part) {
    Object v = part.value();
    return new Table(columns.name(), columns.columns(), null,
        v instanceof ForeignKey fk ? List.of(fk) : List.of(),
        v instanceof UniqueConstraint u ? List.of(u) : List.of(),
        v instanceof CheckConstraint c ? List.of(c) : List.of(),
        v instanceof Index i ? List.of(i) : List.of(), null);
  }

  private String rule(Object current, Object target) {
    if (current instanceof ForeignKey) {
      return "same structure (columns, referenced table and columns, on delete and on update actions); " + NAMES;
    } else if (current instanceof CheckConstraint c && target instanceof CheckConstraint t) {
      return c.expression().equals(t.expression()) ? "same expression"
          : "equal after expression normalisation: " + forms.check(c)
              + " (casts the database adds are dropped; IN and = ANY, BETWEEN and >= AND <= unified)";
    } else if (current instanceof UniqueConstraint && target instanceof UniqueConstraint) {
      return "same columns (their order is not compared); " + NAMES;
    } else if (current instanceof Index && target instanceof Index) {
      return "same uniqueness, method, keys and predicate (expressions compared after normalisation); " + NAMES;
    }
    return "a unique constraint and a plain unique index enforce the same thing; " + NAMES;
  }

  private static String nearMiss(String side, Part part, List<Part> others) {
    if (part.columns().isEmpty()) {
      return "";
    }
    List<String> near = others.stream().filter(o -> o.columns().equals(part.columns())).map(Part::shown).toList();
    return near.isEmpty() ? "" : " (on the same columns the " + side + " have " + String.join(", ", near)
        + ", which is not the same)";
  }

  private List<Part> parts(Table table) {
    List<Part> parts = new ArrayList<>();
    for (ForeignKey fk : table.foreignKeys()) {
      parts.add(new Part(fk, "foreign key " + CanonicalForms.columns(fk.columns()),
          "foreign key " + name(fk.name()) + " (" + CanonicalForms.foreignKey(fk) + ")", new TreeSet<>(fk.columns())));
    }
    for (UniqueConstraint u : table.uniques()) {
      parts.add(new Part(u, "unique " + CanonicalForms.columns(u.columns()),
          "constraint " + name(u.name()) + " (unique " + CanonicalForms.columns(u.columns()) + ")",
          new TreeSet<>(u.columns())));
    }
    for (CheckConstraint c : table.checks()) {
      parts.add(new Part(c, "check", "check " + name(c.name()) + " \"" + c.expression() + "\"", Set.of()));
    }
    for (Index i : table.indexes()) {
      parts.add(new Part(i, (i.unique() ? "unique " : "index ") + forms.indexKeys(i),
          "index " + name(i.name()) + " (" + forms.index(i) + ")", new TreeSet<>(i.keys())));
    }
    return parts;
  }

  private static String name(String name) {
    return name == null ? "(unnamed)" : name;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : what.endsWith("x") ? "es" : "s");
  }
}
