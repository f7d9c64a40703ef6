package dev.autogen.diff;

import dev.autogen.model.Catalog;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the user's {@code --rename} spellings into {@link Rename}s: {@code old_table=new_table},
 * {@code schema.old_table=new_table}, {@code table.old_column=new_column},
 * {@code schema.table.old_column=new_column}. A two-part left side is a column of that table when the
 * table exists, else a table of that schema.
 */
final class RenameResolver {

  private final Catalog current;
  private final Catalog target;
  private final String defaultSchema;
  /** New table name to old, from the unqualified table renames being resolved. */
  private final Map<String, String> renamedTo = new HashMap<>();

  /**
   * @param current the catalog as it is
   * @param target the catalog as it should be
   * @param defaultSchema the schema of unqualified table names
   */
  RenameResolver(Catalog current, Catalog target, String defaultSchema) {
    this.current = current;
    this.target = target;
    this.defaultSchema = defaultSchema;
  }

  /**
   * @param specs the renames as written
   * @return the resolved renames, table renames first; renames the database already shows (the old
   *     name is gone and the new one is there) are left out, so a rename kept in a configuration file
   *     does no harm after its migration ran
   * @throws InvalidRenameException when a spelling is malformed or names nothing
   */
  List<Rename> resolve(List<String> specs) {
    renamedTo.clear();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq > 0 && !spec.substring(0, eq).contains(".")) {
        renamedTo.put(spec.substring(eq + 1).trim(), spec.substring(0, eq).trim());
      }
    }
    List<Rename> tables = new ArrayList<>();
    List<Rename> columns = new ArrayList<>();
    for (String spec : specs) {
      Rename r = resolve(spec);
      if (r != null) {
        (r.isColumn() ? columns : tables).add(r);
      }
    }
    for (Rename c : columns) {
      QualifiedName renamedTable = tables.stream().filter(t -> t.table().equals(c.table()))
          .map(t -> new QualifiedName(t.table().schema(), t.to())).findFirst().orElse(c.table());
      if (target.table(renamedTable).flatMap(t -> t.column(c.to())).isEmpty()) {
        throw invalid(c.table() + "." + c.column() + "=" + c.to(),
            "the entities have no column " + c.to() + " in table " + renamedTable);
      }
    }
    List<Rename> all = new ArrayList<>(tables);
    all.addAll(columns);
    return all;
  }

  /** @return the rename, or null when the database already shows it */
  private Rename resolve(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1 || spec.indexOf('=', eq + 1) >= 0) {
      throw invalid(spec, "expected old=new, e.g. customer.full_name=display_name or old_table=new_table");
    }
    String to = spec.substring(eq + 1).trim();
    List<String> parts = Arrays.stream(spec.substring(0, eq).split("\\.", -1)).map(String::trim).toList();
    if (parts.stream().anyMatch(String::isEmpty) || to.contains(".") || parts.size() > 3) {
      throw invalid(spec, "expected [schema.]table=new_table or [schema.]table.column=new_column");
    }
    Rename rename = switch (parts.size()) {
      case 1 -> new Rename(new QualifiedName(defaultSchema, parts.get(0)), null, to);
      case 3 -> new Rename(new QualifiedName(parts.get(0), parts.get(1)), parts.get(2), to);
      default -> twoParts(parts.get(0), parts.get(1), to);
    };
    return checked(spec, rename);
  }

  /** A column of a table that is renamed too may name the table by its old or its new name. */
  private Rename twoParts(String first, String second, String to) {
    QualifiedName asTable = new QualifiedName(defaultSchema, first);
    if (current.table(asTable).isPresent()) {
      return new Rename(asTable, second, to);
    }
    if (renamedTo.containsKey(first)) {
      return new Rename(new QualifiedName(defaultSchema, renamedTo.get(first)), second, to);
    }
    return new Rename(new QualifiedName(first, second), null, to);
  }

  private Rename checked(String spec, Rename r) {
    QualifiedName renamedTable = new QualifiedName(r.table().schema(), r.to());
    if (!r.isColumn() && current.table(r.table()).isEmpty() && current.table(renamedTable).isPresent()) {
      return null;
    }
    Table table = current.table(r.table()).orElseThrow(
        () -> invalid(spec, "the database has no table " + r.table()));
    if (r.isColumn()) {
      if (table.column(r.column()).isEmpty() && table.column(r.to()).isPresent()) {
        return null;
      }
      if (table.column(r.column()).isEmpty()) {
        throw invalid(spec, "table " + r.table() + " has no column " + r.column());
      }
      if (table.column(r.to()).isPresent()) {
        throw invalid(spec, "table " + r.table() + " already has a column " + r.to());
      }
    } else if (current.table(renamedTable).isPresent()) {
      throw invalid(spec, "the database already has a table " + renamedTable);
    } else if (target.table(renamedTable).isEmpty()) {
      throw invalid(spec, "the entities have no table " + r.table().schema() + "." + r.to());
    }
    return r;
  }

  private static InvalidRenameException invalid(String spec, String why) {
    return new InvalidRenameException("--rename " + spec + ": " + why);
  }
}
