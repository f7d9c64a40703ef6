package dev.autogen.cli.convergence;

import static dev.autogen.model.postgres.PostgresIdentifiers.quote;

import dev.autogen.cli.convergence.Draft.TableDraft;
import dev.autogen.codegen.postgres.PostgresNames;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.SqlType;
import dev.autogen.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a {@link Draft} a schema PostgreSQL accepts, the way PostgreSQL itself would after a step:
 * what depends on a dropped or retyped object goes with it (as {@code DROP ... CASCADE} or a failing
 * conversion would make a person remove it), a default that no longer fits its column's type is
 * removed, primary key columns are {@code NOT NULL}. Generation is by construction: every generated
 * step sequence gives a valid schema; nothing is discarded.
 *
 * <p>Exclusions live in one place, {@link Excluded}.
 */
final class Validity {

  /** The one non-default collation generated: {@code "C"} exists on every PostgreSQL server. */
  static final String COLLATION = "C";

  private Validity() {}

  /** @param draft the draft, repaired in place */
  static void repair(Draft draft) {
    draft.enums.replaceAll(e -> new EnumType(e.name(), List.copyOf(new LinkedHashSet<>(e.values()))));
    for (TableDraft t : draft.tables) {
      t.columns.replaceAll(c -> column(draft, t, c));
      repairKeys(t);
      t.checks.removeIf(c -> !validCheck(t, c.expression()));
      t.indexes.removeIf(i -> !validIndex(t, i));
      if (Excluded.DUPLICATE_CHECKS_AND_INDEXES) {
        Set<String> expressions = new HashSet<>();
        t.checks.removeIf(c -> !expressions.add(c.expression()));
        Set<List<Object>> structures = new HashSet<>();
        t.indexes.removeIf(i -> !structures.add(List.of(i.keys(), i.unique(), String.valueOf(i.predicate()), i.method(), i.include())));
      }
    }
    for (TableDraft t : draft.tables) {
      t.foreignKeys.removeIf(fk -> !validForeignKey(draft, t, fk));
    }
    nameCollidingDerivedNames(draft);
  }

  private static Column column(Draft draft, TableDraft table, Column c) {
    Column column = c;
    if (!column.type().isBuiltin() && enumOf(draft, column.type()).isEmpty()) {
      boolean array = column.type().raw().endsWith("[]");
      column = Draft.withType(column, SqlType.parse(array ? "text[]" : "text"));
    }
    boolean integral = ColumnType.of(column.type()).map(ColumnType::integral).orElse(false);
    if (column.collation() != null && !ColumnType.of(column.type()).map(t -> t.family == ColumnType.Family.TEXT).orElse(false)) {
      column = Draft.withCollation(column, null);
    }
    if (!integral) {
      column = Draft.withIdentity(column, null);
    }
    if (column.identity() != null) {
      column = Draft.withNullable(Draft.withDefault(column, null), false);
    }
    if (column.defaultValue() != null && !defaults(draft, table.name, column).contains(column.defaultValue())) {
      column = Draft.withDefault(column, null);
    }
    return column;
  }

  /**
   * @param draft the schema
   * @param table the column's table name
   * @param column the column, its type and generation already valid
   * @return every default the column may have: its type family's ({@link ColumnType#defaults()}),
   *     an enum's labels, for an integer column its own {@code serial} sequence and the schema's
   *     sequences; empty for an identity column
   */
  static List<DefaultExpr> defaults(Draft draft, String table, Column column) {
    if (column.identity() != null) {
      return List.of();
    }
    Optional<EnumType> enumType = enumOf(draft, column.type());
    if (enumType.isPresent()) {
      if (column.type().raw().endsWith("[]")) {
        return List.of(DefaultExpr.parse("'{}'"));
      }
      return enumType.get().values().stream().map(l -> DefaultExpr.parse("'" + l.replace("'", "''") + "'")).toList();
    }
    ColumnType type = ColumnType.of(column.type()).orElseThrow();
    List<DefaultExpr> defaults = new ArrayList<>(type.defaults());
    if (type.integral()) {
      defaults.add(serial(table, column.name()));
      draft.sequences.forEach(s -> defaults.add(nextval(s.name())));
    }
    return defaults;
  }

  /** @return the default of a {@code serial} column: {@code nextval} of the sequence it owns */
  static DefaultExpr serial(String table, String column) {
    return new DefaultExpr.NextValue(PostgresNames.makeObjectName(table, column, "seq"), null, true);
  }

  /** @return {@code nextval('<sequence>'::regclass)} as a catalog spells it, parsed */
  static DefaultExpr nextval(String sequence) {
    return DefaultExpr.parse("nextval('" + quote(sequence).replace("'", "''") + "'::regclass)");
  }

  static Optional<EnumType> enumOf(Draft draft, SqlType type) {
    return draft.enums.stream()
        .filter(e -> ColumnType.enumType(e.name(), false).equals(type) || ColumnType.enumType(e.name(), true).equals(type))
        .findFirst();
  }

  private static void repairKeys(TableDraft t) {
    Set<String> columns = t.columnNames();
    if (t.primaryKey != null && !columns.containsAll(t.primaryKey.columns())) {
      t.primaryKey = null;
    }
    if (t.primaryKey != null) {
      PrimaryKey key = t.primaryKey;
      t.columns.replaceAll(c -> key.columns().contains(c.name()) ? Draft.withNullable(c, false) : c);
    }
    Set<Set<String>> seen = new HashSet<>();
    if (t.primaryKey != null) {
      seen.add(Set.copyOf(t.primaryKey.columns()));
    }
    List<UniqueConstraint> kept = new ArrayList<>();
    for (UniqueConstraint u : t.uniques) {
      if (columns.containsAll(u.columns()) && seen.add(Set.copyOf(u.columns()))) {
        kept.add(u);
      }
    }
    t.uniques.clear();
    t.uniques.addAll(kept);
  }

  private static boolean validCheck(TableDraft t, String expression) {
    String name = PostgresNames.checkColumn(expression);
    return name != null && t.column(name)
        .flatMap(c -> ColumnType.of(c.type()).map(type -> type.checks(quote(c.name())).contains(expression)))
        .orElse(false);
  }

  private static boolean validIndex(TableDraft t, Index index) {
    if (index.predicate() != null && !validPredicate(t, index.predicate())) {
      return false;
    }
    List<Optional<ColumnType>> types = new ArrayList<>();
    for (String key : index.keys()) {
      Optional<Column> column = keyColumn(t, key);
      if (column.isEmpty()) {
        return false;
      }
      Optional<ColumnType> type = ColumnType.of(column.get().type());
      if (key.startsWith("(") && type.map(ct -> ct.family != ColumnType.Family.TEXT).orElse(true)
          || !modifiersFit(key, column.get())) {
        return false;
      }
      types.add(type);
    }
    if (!index.include().stream().allMatch(c -> t.column(c).isPresent() && !index.keys().contains(c))) {
      return false;
    }
    if (index.method().equals(Index.DEFAULT_METHOD)) {
      return true;
    }
    boolean single = index.keys().size() == 1 && !index.unique() && index.include().isEmpty()
        && t.column(index.keys().get(0)).isPresent();
    Optional<ColumnType> type = types.get(0);
    return single && switch (index.method()) {
      case "hash" -> type.map(ColumnType::hashable).orElse(false);
      case "gin" -> type.map(ColumnType::ginnable).orElse(false);
      case "brin" -> type.map(ColumnType::brinnable).orElse(false);
      default -> false;
    };
  }

  /** Key modifiers the generator writes, in {@link Index#keys()}'s canonical order and spelling. */
  static final String COLLATE_C = " collate \"" + COLLATION + "\"";
  static final String TEXT_PATTERN_OPS = " text_pattern_ops";
  private static final List<String> MODIFIERS = List.of(" nulls first", " nulls last", " desc", TEXT_PATTERN_OPS, COLLATE_C);

  /**
   * @return the column an index key is on: {@code name} or {@code (lower("name"))}, each possibly
   *     followed by {@link #MODIFIERS}
   */
  static Optional<Column> keyColumn(TableDraft t, String key) {
    String base = keyBase(key);
    if (base.startsWith("(")) {
      return t.columns.stream().filter(c -> base.equals(lower(c.name()))).findFirst();
    }
    return t.column(base);
  }

  private static String keyBase(String key) {
    String base = key;
    for (String modifier : MODIFIERS) {
      if (base.endsWith(modifier)) {
        base = base.substring(0, base.length() - modifier.length());
      }
    }
    return base;
  }

  /** @return whether the key's modifiers fit the column's type: a collation on text, the pattern operator class on text or varchar */
  private static boolean modifiersFit(String key, Column column) {
    Optional<ColumnType> type = ColumnType.of(column.type());
    boolean text = type.map(ct -> ct.family == ColumnType.Family.TEXT).orElse(false);
    if (key.contains(TEXT_PATTERN_OPS) && !(type.equals(Optional.of(ColumnType.TEXT)) || type.equals(Optional.of(ColumnType.VARCHAR)))) {
      return false;
    }
    return text || !key.contains(COLLATE_C);
  }

  /** @return the expression key {@code (lower(<column>))} */
  static String lower(String column) {
    return "(lower(" + quote(column) + "))";
  }

  /** @return the predicates a partial index on the column may have */
  static List<String> predicates(Column column) {
    List<String> predicates = new ArrayList<>(List.of(quote(column.name()) + " is not null"));
    ColumnType.of(column.type()).ifPresent(type -> {
      if (type.family == ColumnType.Family.INTEGER) {
        predicates.add(quote(column.name()) + " > 0");
      }
    });
    return predicates;
  }

  private static boolean validPredicate(TableDraft t, String predicate) {
    String name = PostgresNames.checkColumn(predicate);
    return name != null && t.column(name).map(c -> predicates(c).contains(predicate)).orElse(false);
  }

  private static boolean validForeignKey(Draft draft, TableDraft t, ForeignKey fk) {
    Optional<TableDraft> referenced = draft.table(fk.referencedTable().name());
    if (referenced.isEmpty()
        || referenced.get().keys().stream().noneMatch(k -> Set.copyOf(k).equals(Set.copyOf(fk.referencedColumns())))) {
      return false;
    }
    for (int i = 0; i < fk.columns().size(); i++) {
      Optional<Column> column = t.column(fk.columns().get(i));
      Optional<Column> key = referenced.get().column(fk.referencedColumns().get(i));
      if (column.isEmpty() || key.isEmpty() || !column.get().type().equals(key.get().type())) {
        return false;
      }
    }
    return true;
  }

  /**
   * PostgreSQL numbers a derived name that is taken ({@code t_c_check1}); the renderer does not
   * ({@link PostgresNames}), so an unnamed object whose derived name is taken gets an explicit name.
   */
  private static void nameCollidingDerivedNames(Draft draft) {
    Set<String> used = draft.names();
    for (TableDraft t : draft.tables) {
      if (t.primaryKey != null && t.primaryKey.name() == null) {
        t.primaryKey = new PrimaryKey(free(used, PostgresNames.primaryKey(t.name, t.primaryKey)), t.primaryKey.columns());
      }
      t.uniques.replaceAll(u -> u.name() != null ? u
          : new UniqueConstraint(free(used, PostgresNames.unique(t.name, u)), u.columns()));
      t.checks.replaceAll(c -> c.name() != null ? c
          : new CheckConstraint(free(used, PostgresNames.check(t.name, c)), c.expression()));
      t.foreignKeys.replaceAll(k -> k.name() != null ? k : k.withName(free(used, PostgresNames.foreignKey(t.name, k))));
      t.indexes.replaceAll(i -> i.name() != null ? i : new Index(free(used, PostgresNames.index(t.name, i)),
          i.keys(), i.unique(), i.predicate(), i.method(), i.include()));
    }
  }

  /**
   * @param used names taken so far; the name this returns, or the derived one, is added
   * @param derived the name PostgreSQL derives for the unnamed object
   * @return null (stay unnamed) when the derived name is free, else a fresh explicit name
   */
  private static String free(Set<String> used, String derived) {
    if (used.add(derived)) {
      return null;
    }
    String name = Names.fresh(derived, used);
    used.add(name);
    return name;
  }
}
