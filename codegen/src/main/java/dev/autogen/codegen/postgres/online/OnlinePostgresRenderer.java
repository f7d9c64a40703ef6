package dev.autogen.codegen.postgres.online;

import static dev.autogen.codegen.postgres.PostgresIdentifiers.quote;

import dev.autogen.codegen.SqlRenderer;
import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresNames;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Backfill;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AddPrimaryKey;
import dev.autogen.diff.Change.AddUnique;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.AlterEnum;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Change.CreateIndex;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropEnum;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropSequence;
import dev.autogen.diff.Change.DropTable;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Hazard;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.model.Column;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PostgreSQL {@link SqlRenderer} for plans that must apply while the application runs, composing
 * the plain {@link PostgresRenderer} (whose names, quoting and statement order it keeps). With {@link
 * OnlineOptions#online()} each change is split over the three {@link MigrationStep}s (expand/contract):
 *
 * <ul>
 *   <li>indexes are built and dropped {@code CONCURRENTLY}, in the non-transactional step; unique and
 *       primary key constraints over a {@code CREATE UNIQUE INDEX CONCURRENTLY}, attached with {@code
 *       ADD CONSTRAINT ... USING INDEX};
 *   <li>checks and foreign keys are added {@code NOT VALID} and validated in a transaction of their
 *       own (PostgreSQL "ALTER TABLE": validation takes SHARE UPDATE EXCLUSIVE, writes go on);
 *   <li>{@code SET NOT NULL} follows a validated {@code CHECK (c IS NOT NULL)}, so it skips its scan
 *       (PostgreSQL 12+), and the helper check is dropped after;
 *   <li>a column the user backfills ({@link Backfill}) is added nullable, filled for rows the older
 *       application inserts by a trigger, filled for existing rows in batches, then made NOT NULL;
 *   <li>a column rename becomes a new column kept equal to the old one by a trigger and backfilled
 *       (expand), and the old column dropped in the contract step. Only columns that no key, index,
 *       check or foreign key uses and that own no sequence are renamed this way; others are renamed in
 *       place (the BACKWARD_INCOMPATIBLE hazard stays);
 *   <li>narrowing type changes, drops of columns, tables, sequences and enum types, and the removal
 *       of enum labels wait for the contract step, and so does an index or key whose name only a drop
 *       there frees, and so does a foreign key over a column whose type changes there (it could not
 *       be implemented between the two types); a dropped NOT NULL column without a default stops being NOT NULL in the expand
 *       step, so that the new application can insert rows without it.
 * </ul>
 *
 * <p>Changes on tables the plan creates are empty and rendered plainly, in the expand step (except
 * foreign keys, always added {@code NOT VALID} and validated apart). Without {@code online} the only
 * difference from the plain renderer is the backfill: add nullable, {@code UPDATE} in the same
 * transaction, {@code SET NOT NULL}.
 */
public final class OnlinePostgresRenderer implements SqlRenderer {

  private final PostgresRenderer plain = new PostgresRenderer();
  private final OnlineOptions options;
  private final RenameColumns renames;

  /**
   * @param options how to render, never null
   * @param current the schema as it is, to tell which renamed columns can be expanded and contracted;
   *     null renames every column in place
   */
  public OnlinePostgresRenderer(OnlineOptions options, dev.autogen.model.Catalog current) {
    this.options = options;
    this.renames = new RenameColumns(current);
  }

  /** @return the options */
  public OnlineOptions options() {
    return options;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each statement holds all the change's statements in the order they run, over all steps.
   *
   * @throws IllegalArgumentException also when a backfill names a column the plan neither adds NOT
   *     NULL nor makes NOT NULL ({@link #unusedFill})
   */
  @Override
  public List<Statement> render(MigrationPlan plan) {
    return phased(plan).stream().map(PhasedStatement::statement).toList();
  }

  @Override
  public Optional<String> objectName(Change change) {
    return plain.objectName(change);
  }

  /**
   * @param plan the plan, never null
   * @return one phased statement per change, in plan order
   * @throws IllegalArgumentException when a backfill names a column the plan neither adds NOT NULL nor
   *     makes NOT NULL ({@link #unusedFill}), or a change cannot be rendered
   */
  public List<PhasedStatement> phased(MigrationPlan plan) {
    unusedFill(plan, options.fills()).ifPresent(message -> {
      throw new IllegalArgumentException(message);
    });
    Set<QualifiedName> created = plan.changes().stream().filter(c -> c instanceof Change.CreateTable)
        .map(Change::subject).collect(Collectors.toSet());
    Set<Change> onlineKeys = onlineKeys(plan, created);
    List<Statement> rendered = plain.render(plan);
    Set<ColumnRef> contracted = rendered.stream().filter(OnlinePostgresRenderer::narrowing)
        .map(s -> (AlterColumn) s.change()).map(a -> new ColumnRef(a.table(), a.to().name()))
        .collect(Collectors.toSet());
    Set<ColumnRef> retyped = retyped(plan, contracted);
    List<PhasedStatement> phased = rendered.stream()
        .map(s -> phase(s, created, onlineKeys, contracted, retyped, plan.changes())).toList();
    Set<QualifiedName> freedLate = freedInContract(phased);
    List<PhasedStatement> afterContract = phased.stream()
        .map(p -> !p.runsIn(MigrationStep.CONTRACT) && takesFreed(p.statement(), freedLate)
            ? PhasedStatement.whole(p.statement(), Stage.CONTRACT) : p).toList();
    Set<QualifiedName> takenEarly = takenInExpand(afterContract);
    return afterContract.stream()
        .map(p -> p.runsIn(MigrationStep.ONLINE) && p.statement().change() instanceof DropIndex
            && named(p.statement(), takenEarly) ? PhasedStatement.whole(p.statement(), Stage.EXPAND) : p).toList();
  }

  /**
   * @return the relation names that the expand step takes: a table the plan creates with its indexes,
   *     uniques and primary key, and an index, unique or primary key built wholly in that step (one
   *     beside a type change of its column, {@link #retyped}). An index dropped {@code CONCURRENTLY} in
   *     the online step that holds such a name is dropped in the expand step instead (its own
   *     non-transactional migration before the transactional one), before the create, which would
   *     otherwise fail ("relation already exists"; PostgreSQL's one namespace of relations per schema,
   *     "CREATE INDEX")
   */
  private Set<QualifiedName> takenInExpand(List<PhasedStatement> phased) {
    Set<QualifiedName> taken = new HashSet<>();
    for (PhasedStatement p : phased) {
      Change change = p.statement().change();
      if (!p.parts().stream().allMatch(part -> part.stage() == Stage.EXPAND)) {
        continue;
      }
      if (change instanceof Change.CreateTable c) {
        taken.addAll(relations(c.schema(), c.table()));
      } else if (change instanceof CreateIndex || change instanceof AddUnique || change instanceof AddPrimaryKey) {
        plain.objectName(change).ifPresent(name -> taken.add(new QualifiedName(change.subject().schema(), name)));
      }
    }
    return taken;
  }

  /** @return the table's name and the names of its indexes, uniques and primary key, in its schema */
  private static Set<QualifiedName> relations(String schema, Table table) {
    Set<QualifiedName> names = new HashSet<>();
    String name = table.name();
    names.add(new QualifiedName(schema, name));
    table.indexes().forEach(i -> names.add(new QualifiedName(schema, PostgresNames.index(name, i))));
    table.uniques().forEach(u -> names.add(new QualifiedName(schema, PostgresNames.unique(name, u))));
    if (table.primaryKey() != null) {
      names.add(new QualifiedName(schema, PostgresNames.primaryKey(name, table.primaryKey())));
    }
    return names;
  }

  /** @return whether the statement's object (index, unique, primary key) has one of the names */
  private boolean named(Statement s, Set<QualifiedName> names) {
    Change change = s.change();
    return !names.isEmpty() && plain.objectName(change)
        .map(name -> names.contains(new QualifiedName(change.subject().schema(), name))).orElse(false);
  }

  /**
   * @return the relation names (PostgreSQL's one namespace of tables, indexes and the indexes behind
   *     unique and primary key constraints, per schema: "CREATE INDEX", name) that only the contract
   *     step frees: of the tables it drops, and of the indexes and keys it drops
   */
  private Set<QualifiedName> freedInContract(List<PhasedStatement> phased) {
    Set<QualifiedName> freed = new HashSet<>();
    for (PhasedStatement p : phased) {
      if (!p.runsIn(MigrationStep.CONTRACT)) {
        continue;
      }
      Change change = p.statement().change();
      if (change instanceof DropTable d) {
        freed.addAll(relations(d.schema(), d.table()));
      } else if (change instanceof DropIndex || change instanceof Change.DropUnique
          || change instanceof Change.DropPrimaryKey) {
        plain.objectName(change)
            .ifPresent(name -> freed.add(new QualifiedName(change.subject().schema(), name)));
      }
    }
    return freed;
  }

  /**
   * @return whether the statement creates an index, unique or primary key under a name that only the
   *     contract step frees: built before, it would fail, or with {@code IF NOT EXISTS} be silently
   *     skipped while the old object holds the name, so it is added in the contract step, after the drop
   */
  private boolean takesFreed(Statement s, Set<QualifiedName> freed) {
    Change change = s.change();
    return (change instanceof CreateIndex || change instanceof AddUnique || change instanceof AddPrimaryKey)
        && named(s, freed);
  }

  /**
   * @param plan a plan, never null
   * @param fills backfills, never null
   * @return a one-line message naming the first backfill whose column the plan neither adds as NOT
   *     NULL nor makes NOT NULL; empty when every backfill has work to do
   */
  public static Optional<String> unusedFill(MigrationPlan plan, List<Backfill> fills) {
    return fills.stream()
        .filter(f -> plan.changes().stream().noneMatch(c -> f.fills(c) && Backfill.applies(c)))
        .findFirst()
        .map(f -> "--fill " + f.table() + "." + f.column() + ": the plan neither adds that column as NOT NULL nor"
            + " makes it NOT NULL; nothing to fill");
  }

  /** A column of a table. */
  private record ColumnRef(QualifiedName table, String column) {}

  /**
   * @return whether the statement is a narrowing type change, which waits for the contract step
   *     ({@link #alter})
   */
  private static boolean narrowing(Statement s) {
    return s.change() instanceof AlterColumn a && a.aspects().contains(Aspect.TYPE)
        && s.hazards().stream().anyMatch(d -> d.hazard() == Hazard.DATA_LOSS);
  }

  /**
   * Columns whose type or collation the expand step changes. {@code ALTER COLUMN ... TYPE} rebuilds
   * every index on the column under its ACCESS EXCLUSIVE lock, re-deriving each key's collation from
   * the index definition as {@code pg_get_indexdef} prints it, which omits a collation equal to the
   * column's (PostgreSQL's {@code ATExecAlterColumnType}, {@code RememberIndexForRebuilding}): an index
   * created before that change in the undo would silently change its key collation. So an index the
   * plan drops or creates on such a column stays in the expand step, in plan order around the column's
   * change; building it concurrently afterwards would gain nothing over the rebuild the change makes.
   *
   * @param plan the plan, never null
   * @param contracted the columns whose narrowing type change waits for the contract step
   * @return the columns, never null
   */
  private static Set<ColumnRef> retyped(MigrationPlan plan, Set<ColumnRef> contracted) {
    return plan.changes().stream()
        .filter(c -> c instanceof AlterColumn a
            && (a.aspects().contains(Aspect.TYPE) || a.aspects().contains(Aspect.COLLATION)))
        .map(c -> (AlterColumn) c).map(a -> new ColumnRef(a.table(), a.to().name()))
        .filter(c -> !contracted.contains(c))
        .collect(Collectors.toSet());
  }

  /**
   * @return whether the index involves one of the columns of its table: a key that is the column, an
   *     expression key that names it (as an identifier, quoted or not; a name that merely occurs in a
   *     string constant counts too, which only keeps the index with the column's change), or an INCLUDE
   *     column
   */
  private static boolean involves(QualifiedName table, Index index, Set<ColumnRef> columns) {
    return columns.stream().filter(c -> c.table().equals(table)).anyMatch(c -> index.include().contains(c.column())
        || index.keys().stream().map(Index::keyTarget).anyMatch(t -> t.equals(c.column()) || names(t, c.column())));
  }

  /** @return whether the expression text names the column as an identifier */
  private static boolean names(String expression, String column) {
    String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
    return expression.contains(quoted) || java.util.regex.Pattern.compile(
        "(?<![A-Za-z0-9_$\"])" + java.util.regex.Pattern.quote(column) + "(?![A-Za-z0-9_$\"])").matcher(expression).find();
  }

  /**
   * @return whether the change adds an index, unique or primary key over a column whose narrowing type
   *     change waits for the contract step: built before it, on the old type, it may not even be valid
   *     there ({@code lower(c)} or {@code text_pattern_ops} on an enum column), so it is added in the
   *     contract step, after the change
   */
  private static boolean buildsOnContracted(Change change, Set<ColumnRef> contracted) {
    return change instanceof CreateIndex c && involves(c.table(), c.index(), contracted)
        || change instanceof AddUnique u && u.unique().columns().stream()
            .anyMatch(col -> contracted.contains(new ColumnRef(u.table(), col)))
        || change instanceof AddPrimaryKey p && p.key().columns().stream()
            .anyMatch(col -> contracted.contains(new ColumnRef(p.table(), col)));
  }

  /**
   * @return whether the alteration removes labels: the running application may still write them, and
   *     columns or defaults that use them change only in the contract step, so the type is replaced
   *     there, after them (the plan orders label removals after default changes, {@code ChangeOrder})
   */
  private static boolean removesLabels(AlterEnum change) {
    return !change.to().values().containsAll(change.from().values());
  }

  private PhasedStatement phase(Statement s, Set<QualifiedName> created, Set<Change> onlineKeys,
      Set<ColumnRef> contracted, Set<ColumnRef> retyped, List<Change> changes) {
    Change change = s.change();
    Backfill fill = Backfill.of(options.fills(), change);
    if (fill != null && !Backfill.applies(change)) {
      fill = null;
    }
    if (!options.online()) {
      return fill == null ? PhasedStatement.whole(s, Stage.EXPAND) : filledInPlace(s, fill);
    }
    if (change instanceof AddForeignKey f && usesContracted(f, contracted) || buildsOnContracted(change, contracted)) {
      // its columns get their new type only in the contract step: the key cannot be implemented before
      return PhasedStatement.whole(s, Stage.CONTRACT);
    }
    if (change instanceof AddForeignKey f) {
      return foreignKey(s, f, onlineKeys);
    }
    if (created.contains(change.subject())
        || change instanceof CreateIndex c && involves(c.table(), c.index(), retyped)
        || change instanceof DropIndex d && involves(d.table(), d.index(), retyped)) {
      return PhasedStatement.whole(s, Stage.EXPAND);
    }
    if (change instanceof CreateIndex) {
      return PhasedStatement.of(s, List.of(new StepSql(Stage.INDEX,
          List.of(OnlineSql.createIndexConcurrently(single(s.sql()))),
          List.of(OnlineSql.dropIndexConcurrently(single(s.reverseSql()))))));
    }
    if (change instanceof DropIndex) {
      return PhasedStatement.of(s, List.of(new StepSql(Stage.INDEX,
          List.of(OnlineSql.dropIndexConcurrently(single(s.sql()))),
          List.of(OnlineSql.createIndexConcurrently(single(s.reverseSql()))))));
    }
    if (change instanceof AddUnique u) {
      return keyUsingIndex(s, u.table(), u.unique().columns(), "unique");
    }
    if (change instanceof AddPrimaryKey p) {
      return keyUsingIndex(s, p.table(), p.key().columns(), "primary key");
    }
    if (change instanceof AddCheck c) {
      return PhasedStatement.of(s, List.of(
          new StepSql(Stage.EXPAND, List.of(single(s.sql()) + " not valid"), s.reverseSql()),
          new StepSql(Stage.VALIDATE, OnlineSql.inTransaction(List.of(OnlineSql.validate(c.table(), s.name()))),
              List.of())));
    }
    if (change instanceof AddColumn a && fill != null) {
      return addFilled(s, a, fill);
    }
    if (change instanceof AlterColumn a) {
      return alter(s, a, fill);
    }
    if (change instanceof RenameColumn r) {
      return renames.expandable(r, changes).map(col -> renames.expandContract(s, r, col, options.batchSize()))
          .orElseGet(() -> PhasedStatement.whole(s, Stage.EXPAND));
    }
    if (change instanceof DropColumn d) {
      return dropColumn(s, d);
    }
    if (change instanceof DropTable || change instanceof DropSequence || change instanceof DropEnum
        || change instanceof AlterEnum e && removesLabels(e)) {
      return PhasedStatement.whole(s, Stage.CONTRACT);
    }
    return PhasedStatement.whole(s, Stage.EXPAND);
  }

  /** Without online mode: add nullable or keep nullable, fill every row in the same transaction, SET NOT NULL. */
  private PhasedStatement filledInPlace(Statement s, Backfill fill) {
    QualifiedName table = s.change().subject();
    List<String> sql = new ArrayList<>();
    String fillAll = OnlineSql.fillAll(table, fill.column(), fill.expression());
    if (s.change() instanceof AddColumn a) {
      sql.addAll(plain.sql(new AddColumn(a.table(), nullable(a.added(), true))));
      sql.add(fillAll);
      sql.add(OnlineSql.nullability(table, fill.column(), false));
    } else {
      sql.add(fillAll);
      sql.addAll(s.sql());
    }
    // the same rows filled batch by batch, for a layout that commits between batches (a Java migration)
    return PhasedStatement.of(s, List.of(new StepSql(Stage.EXPAND, sql, s.reverseSql(), true,
        Map.of(fillAll, OnlineSql.fillBatch(table, fill.column(), fill.expression(), options.batchSize())))));
  }

  /** @return whether a column of the key, on either side, changes type in the contract step */
  private static boolean usesContracted(AddForeignKey f, Set<ColumnRef> contracted) {
    return f.key().columns().stream().anyMatch(c -> contracted.contains(new ColumnRef(f.table(), c)))
        || f.key().referencedColumns().stream()
            .anyMatch(c -> contracted.contains(new ColumnRef(f.key().referencedTable(), c)));
  }

  private PhasedStatement foreignKey(Statement s, AddForeignKey f, Set<Change> onlineKeys) {
    String add = single(s.sql()) + " not valid";
    boolean afterKey = onlineKeys.stream().anyMatch(k -> referencesKey(f, k));
    StepSql adding = afterKey
        ? new StepSql(Stage.ATTACH, OnlineSql.inTransaction(List.of(add)), s.reverseSql())
        : new StepSql(Stage.EXPAND, List.of(add), s.reverseSql());
    return PhasedStatement.of(s, List.of(adding, new StepSql(Stage.VALIDATE_REFERENCES,
        OnlineSql.inTransaction(List.of(OnlineSql.validate(f.table(), s.name()))), List.of())));
  }

  /** {@code CREATE UNIQUE INDEX CONCURRENTLY}, then {@code ADD CONSTRAINT <name> <kind> USING INDEX <name>}. */
  private PhasedStatement keyUsingIndex(Statement s, QualifiedName table, List<String> columns, String kind) {
    String index = single(plain.sql(new CreateIndex(table, new Index(s.name(), columns, true, null, null))));
    String attach = "alter table " + dev.autogen.codegen.postgres.PostgresIdentifiers.qualified(table)
        + " add constraint " + quote(s.name()) + " " + kind + " using index " + quote(s.name());
    return PhasedStatement.of(s, List.of(
        new StepSql(Stage.INDEX, List.of(OnlineSql.createIndexConcurrently(index)),
            List.of(OnlineSql.dropIndexConcurrently(single(plain.sql(new DropIndex(table,
                new Index(s.name(), columns, true, null, null))))))),
        new StepSql(Stage.ATTACH, OnlineSql.inTransaction(List.of(attach)), s.reverseSql())));
  }

  private PhasedStatement addFilled(Statement s, AddColumn a, Backfill fill) {
    QualifiedName table = a.table();
    String column = a.added().name();
    List<String> expand = new ArrayList<>(plain.sql(new AddColumn(table, nullable(a.added(), true))));
    expand.addAll(OnlineSql.createFillTrigger(table, column, fill.expression()));
    List<String> undoExpand = new ArrayList<>(OnlineSql.dropTrigger(table, column, "fill"));
    undoExpand.addAll(s.reverseSql());
    List<StepSql> parts = new ArrayList<>();
    parts.add(new StepSql(Stage.EXPAND, expand, undoExpand));
    parts.addAll(notNullSteps(table, column, fill));
    return PhasedStatement.of(s, parts);
  }

  private PhasedStatement alter(Statement s, AlterColumn a, Backfill fill) {
    if (narrowing(s)) {
      return PhasedStatement.whole(s, Stage.CONTRACT);
    }
    boolean setsNotNull = a.aspects().contains(Aspect.NULLABILITY) && !a.to().nullable();
    // a generation change may replace the column: its statements stay together, as the plain renderer
    // wrote them for the plan's server version
    if (!setsNotNull || a.aspects().contains(Aspect.IDENTITY) || a.aspects().contains(Aspect.GENERATED)) {
      return PhasedStatement.whole(s, Stage.EXPAND);
    }
    QualifiedName table = a.table();
    String column = a.to().name();
    Set<Aspect> rest = EnumSet.copyOf(a.aspects());
    rest.remove(Aspect.NULLABILITY);
    AlterColumn others = new AlterColumn(table, a.from(), nullable(a.to(), a.from().nullable()), rest);
    List<String> expand = new ArrayList<>(rest.isEmpty() ? List.of() : plain.sql(others));
    List<String> undoExpand = new ArrayList<>();
    if (fill != null) {
      expand.addAll(OnlineSql.createFillTrigger(table, column, fill.expression()));
      undoExpand.addAll(OnlineSql.dropTrigger(table, column, "fill"));
    }
    if (!rest.isEmpty()) {
      undoExpand.addAll(plain.sql(others.reverse()));
    }
    List<StepSql> parts = new ArrayList<>();
    if (!expand.isEmpty()) {
      parts.add(new StepSql(Stage.EXPAND, expand, undoExpand));
    }
    parts.addAll(notNullSteps(table, column, fill));
    return PhasedStatement.of(s, parts);
  }

  /**
   * The online steps that make a column NOT NULL: backfill (when there is a fill), then {@link
   * #provenNotNull}; and with a fill, the contract step's drop of the fill trigger.
   */
  private List<StepSql> notNullSteps(QualifiedName table, String column, Backfill fill) {
    List<StepSql> parts = new ArrayList<>();
    if (fill != null) {
      String loop = OnlineSql.fillInBatches(table, column, fill.expression(), options.batchSize());
      parts.add(new StepSql(Stage.BACKFILL, List.of(loop), List.of(), true,
          Map.of(loop, OnlineSql.fillBatch(table, column, fill.expression(), options.batchSize()))));
    }
    parts.addAll(provenNotNull(table, column));
    if (fill != null) {
      parts.add(new StepSql(Stage.CONTRACT, OnlineSql.dropTrigger(table, column, "fill"),
          OnlineSql.createFillTrigger(table, column, fill.expression())));
    }
    return parts;
  }

  /**
   * SET NOT NULL without its scan under ACCESS EXCLUSIVE: a helper {@code CHECK (c IS NOT NULL)} added
   * {@code NOT VALID} (a brief lock; added only now, after any backfill, so that updates of rows not
   * yet filled do not fail it), validated in a transaction of its own (SHARE UPDATE EXCLUSIVE: writes
   * go on), then {@code SET NOT NULL}, which PostgreSQL 12+ proves from the check, and the helper
   * dropped.
   *
   * @param table the table, never null
   * @param column the column, never null
   * @return the VALIDATE and NOT_NULL pieces
   */
  static List<StepSql> provenNotNull(QualifiedName table, String column) {
    String check = OnlineSql.notNullCheck(table, column);
    List<String> validate = new ArrayList<>(OnlineSql.inTransaction(List.of(OnlineSql.addNotNullCheck(table, column))));
    validate.addAll(OnlineSql.inTransaction(List.of(OnlineSql.validate(table, check))));
    return List.of(
        new StepSql(Stage.VALIDATE, validate, List.of(OnlineSql.dropConstraint(table, check))),
        new StepSql(Stage.NOT_NULL,
            OnlineSql.inTransaction(List.of(OnlineSql.nullability(table, column, false),
                OnlineSql.dropConstraint(table, check))),
            List.of(OnlineSql.nullability(table, column, true))));
  }

  private PhasedStatement dropColumn(Statement s, DropColumn d) {
    Column dropped = d.dropped();
    boolean blocksInserts = !dropped.nullable() && dropped.defaultValue() == null && dropped.identity() == null
        && dropped.generated() == null;
    if (!blocksInserts) {
      return PhasedStatement.whole(s, Stage.CONTRACT);
    }
    return PhasedStatement.of(s, List.of(
        new StepSql(Stage.EXPAND, List.of(OnlineSql.nullability(d.table(), dropped.name(), true)),
            List.of(OnlineSql.nullability(d.table(), dropped.name(), false))),
        new StepSql(Stage.CONTRACT, s.sql(), plain.sql(new AddColumn(d.table(), nullable(dropped, true))))));
  }

  /**
   * @return the unique and primary key changes on existing tables: built concurrently and attached in
   *     the online step, so a foreign key referencing one must wait for it
   */
  private static Set<Change> onlineKeys(MigrationPlan plan, Set<QualifiedName> created) {
    Set<Change> keys = new HashSet<>();
    for (Change c : plan.changes()) {
      boolean key = c instanceof AddUnique || c instanceof AddPrimaryKey
          || c instanceof CreateIndex i && i.index().unique();
      if (key && !created.contains(c.subject())) {
        keys.add(c);
      }
    }
    return keys;
  }

  private static boolean referencesKey(AddForeignKey f, Change key) {
    if (!key.subject().equals(f.key().referencedTable())) {
      return false;
    }
    Set<String> referenced = Set.copyOf(f.key().referencedColumns());
    List<String> columns = key instanceof AddUnique u ? u.unique().columns()
        : key instanceof AddPrimaryKey p ? p.key().columns()
        : ((CreateIndex) key).index().keys();
    return Set.copyOf(columns).equals(referenced);
  }

  static Column nullable(Column c, boolean nullable) {
    return new Column(c.name(), c.type(), nullable, c.defaultValue(), c.identity(), c.comment(), c.generated(),
        c.collation());
  }

  private static String single(List<String> sql) {
    if (sql.size() != 1) {
      throw new IllegalStateException("expected one statement, got " + sql);
    }
    return sql.get(0);
  }
}
