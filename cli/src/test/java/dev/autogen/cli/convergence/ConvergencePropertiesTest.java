package dev.autogen.cli.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.cli.CliMigrations;
import dev.autogen.cli.LiquibaseRuns;
import dev.autogen.cli.RoundTrips;
import dev.autogen.cli.convergence.ColumnSpec.Generation;
import dev.autogen.codegen.Statement;
import dev.autogen.diff.Change;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.ReferentialAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * DESIGN.md's central property ("Testing") on generated schema pairs, on a real PostgreSQL: for any
 * (current, target), the migration files the CLI writes, applied to current by Flyway, converge on
 * target, the undo files restore current, and the output does not vary between runs; and the same
 * through the Liquibase writer (about two tries in three, half as XML, half as formatted SQL): its
 * changelog applied by {@code liquibase update}
 * converges, {@code rollback-count} restores current.
 *
 * <p>The files are those of {@code autogen -m}: the CLI's options parsed from its command line ({@code
 * --drop-unmanaged all --converge-serial}, which make the comparison one of two complete schemas; and
 * for about half the pairs {@code --online}), the CLI's comparison and its writer ({@link
 * CliMigrations}); Flyway's library applies them (the undo files as Flyway would, see {@link
 * CliMigrations#undo}), so a statement that may not run in a transaction must be in a migration that
 * says so ({@code executeInTransaction=false}).
 *
 * <p>How many pairs: {@code jqwik.tries.default} in {@code junit-platform.properties} (the default
 * run of {@code ./mvnw verify}), raised by the Maven profile {@code properties}.
 */
class ConvergencePropertiesTest {

  /** The CLI options that compare two complete schemas: everything only one side has is a change. */
  private static final List<String> COMPLETE = List.of("--drop-unmanaged", "all", "--converge-serial");

  /**
   * Per pair, in two private databases: both schemas are created from nothing by rendering their diff
   * from an empty schema (which proves that rendering valid), and read back; then
   *
   * <ol>
   *   <li>comparing twice gives the same SQL in the same order;
   *   <li>after Flyway applies the files the CLI wrote, current compares empty against target;
   *   <li>after the undo files, current compares empty against itself as first read.
   * </ol>
   */
  @Property
  void upgradeConvergesAndDowngradeRestores(@ForAll("pairs") SchemaPair pair, @ForAll boolean online,
      @ForAll Writer writer) {
    Converged converged = writer == Writer.FLYWAY ? assertConverges(pair, online)
        : assertConvergesThroughLiquibase(pair, online, writer == Writer.LIQUIBASE_SQL);
    // printed after the run: evidence that the pairs exercise every kind of change
    converged.changes().forEach(c -> Statistics.label("change kinds").collect(c.kind()));
    Statistics.label("changes per pair").collect(Math.min(converged.changes().size(), 10));
    Statistics.label("migrations").collect(writer + ", " + (online ? "online, " : "plain, ") + converged.migrations()
        + " migration(s), " + converged.outsideTransaction() + " outside a transaction");
  }

  /**
   * Which of the CLI's writers writes the files: Flyway SQL migrations, or a Liquibase changelog written by
   * Liquibase's serializer (XML) or as formatted SQL.
   */
  enum Writer { FLYWAY, LIQUIBASE_XML, LIQUIBASE_SQL }

  /** Liquibase's own tables, which are never compared. */
  private static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

  /**
   * As {@link #assertConverges}, through the Liquibase writer: the changelog the CLI writes (XML, or formatted
   * SQL) is applied by Liquibase's {@code update}, which must converge on target, and
   * undone by {@code rollback-count} of all its changesets, which must restore current.
   *
   * @return what converged
   */
  private static Converged assertConvergesThroughLiquibase(SchemaPair pair, boolean online, boolean formattedSql) {
    String[] args = args(online);
    return onDatabases(pair, (current, before, after) -> {
      List<Change> changes = CliMigrations.changes(before, after, args);

      Path directory = Files.createTempDirectory("autogen-property-liquibase");
      try {
        List<Path> files = CliMigrations.writeLiquibase(directory, formattedSql ? "sql" : null, "migrate", before,
            after, args);
        String written = contents(files);
        String changelog = files.isEmpty() ? "" : Files.readString(files.get(0));
        int changeSets = changelog.split(formattedSql ? "\n-- changeset " : "<changeSet ", -1).length - 1;
        LiquibaseRuns liquibase = new LiquibaseRuns(directory, CliMigrations.LIQUIBASE_MASTER);
        try {
          liquibase.update(current);
        } catch (Exception e) {
          throw new AssertionError("liquibase update failed: " + e.getMessage() + "\n" + written, e);
        }
        assertThat(CliMigrations.changes(RoundTrips.introspectWithout(current, LIQUIBASE_TABLES), after, args))
            .as("left after liquibase update:\n%s", written).isEmpty();

        if (changeSets > 0) {
          try {
            liquibase.rollbackCount(current, changeSets);
          } catch (Exception e) {
            throw new AssertionError("liquibase rollback-count failed: " + e.getMessage() + "\n" + written, e);
          }
        }
        assertThat(CliMigrations.changes(RoundTrips.introspectWithout(current, LIQUIBASE_TABLES), before, args))
            .as("left after liquibase rollback-count %s:\n%s", changeSets, written).isEmpty();
        return new Converged(changes, changeSets,
            changelog.split(formattedSql ? "runInTransaction:false" : "runInTransaction=\"false\"", -1).length - 1);
      } finally {
        CliMigrations.delete(directory);
      }
    });
  }

  /**
   * @param changes the changes the CLI's comparison found
   * @param migrations how many versioned migrations it wrote
   * @param outsideTransaction how many of them run outside a transaction
   */
  private record Converged(List<Change> changes, long migrations, long outsideTransaction) {}

  /**
   * A regression example of the plain renderer: written as one migration (its non-transactional parts
   * apart); the property itself covers online plans on half its pairs.
   */
  private static void assertConvergesPlain(SchemaPair pair) {
    assertConverges(pair, false);
  }

  /** Both ways of writing: as one migration (with its non-transactional parts apart), and online. */
  private static void assertConvergesBothWays(SchemaPair pair) {
    assertConverges(pair, false);
    assertConverges(pair, true);
  }

  /** @return what converged */
  private static Converged assertConverges(SchemaPair pair, boolean online) {
    String[] args = args(online);
    return onDatabases(pair, (current, before, after) -> {

      List<Change> changes = CliMigrations.changes(before, after, args);
      assertThat(CliMigrations.sql(before, after, args)).as("a second comparison")
          .isEqualTo(CliMigrations.sql(before, after, args));

      Path directory = Files.createTempDirectory("autogen-property");
      try {
        List<Path> files = CliMigrations.write(directory, "migrate", before, after, args);
        String written = contents(files);
        try {
          CliMigrations.migrate(current, directory);
        } catch (RuntimeException e) {
          throw new AssertionError("applying the migrations failed: " + e.getMessage() + "\n" + written, e);
        }
        assertThat(CliMigrations.changes(RoundTrips.introspect(current), after, args))
            .as("left after Flyway applied:\n%s", written).isEmpty();

        CliMigrations.undo(current, directory);
        assertThat(CliMigrations.changes(RoundTrips.introspect(current), before, args))
            .as("left after the undo files:\n%s", written).isEmpty();
        return new Converged(changes, files.stream().filter(f -> f.getFileName().toString().startsWith("V")
            && f.getFileName().toString().endsWith(".sql")).count(),
            files.stream().filter(f -> f.getFileName().toString().startsWith("V")
                && f.getFileName().toString().endsWith(".sql.conf") && nonTransactional(f)).count());
      } finally {
        CliMigrations.delete(directory);
      }
    });
  }

  /** What is checked on a pair's databases. */
  private interface PairCheck {
    /**
     * @param current the database holding the current schema, to migrate
     * @param before the current schema as read from it
     * @param after the target schema as read from its own database
     * @return what converged
     */
    Converged run(TestDatabase current, Catalog before, Catalog after) throws IOException;
  }

  /**
   * Creates both schemas of the pair from nothing, each in a private database, by rendering their diff from
   * an empty schema (which proves that rendering valid), reads them back, and runs the check.
   */
  private static Converged onDatabases(SchemaPair pair, PairCheck check) {
    try (TestDatabase current = TestDatabase.create("propcur"); TestDatabase target = TestDatabase.create("proptgt")) {
      RoundTrips.upgrade(current, SchemaPair.creation(pair.current()));
      RoundTrips.upgrade(target, SchemaPair.creation(pair.target()));
      return check.run(current, RoundTrips.introspect(current), RoundTrips.introspect(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return whether a script configuration file says {@code executeInTransaction=false} */
  private static boolean nonTransactional(Path conf) {
    try {
      return Files.readString(conf).contains("executeInTransaction=false");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] args(boolean online) {
    List<String> args = new ArrayList<>(COMPLETE);
    if (online) {
      args.add("--online");
    }
    return args.toArray(String[]::new);
  }

  /** @return each file's name and text, for a failure message */
  private static String contents(List<Path> files) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Path f : files) {
      sb.append("==> ").append(f.getFileName()).append('\n').append(Files.readString(f)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Without a database, so on many more pairs: the diff of two models and its rendering, forward and
   * reverse, are the same text in the same order when computed twice from equal, separately built
   * inputs.
   */
  @Property(tries = 300)
  void diffAndRenderingAreDeterministic(@ForAll("pairs") SchemaPair pair) {
    List<Statement> first = RoundTrips.migration(pair.current(), pair.target(), List.of());
    List<Statement> second = RoundTrips.migration(pair.current(), pair.target(), List.of());
    assertThat(SchemaPair.sql(second)).isEqualTo(SchemaPair.sql(first));
    assertThat(SchemaPair.reverseSql(second)).isEqualTo(SchemaPair.reverseSql(first));
  }

  // Regression examples: each a bug the property found, as its shrunk counterexample (or the
  // counterexample of the same bug that reads best), fixed in codegen or in diff's ChangeOrder.

  /** Enum label removal rendered drop type + create type, which fails while a column uses the type. */
  @Example
  void enumLabelRemovedWhileColumnsUseTheType() {
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0, 1)),
            new Step.CreateTable(0, List.of(column(ColumnType.ENUM, 0, 1), new ColumnSpec(1, ColumnType.ENUM, 0, 1, true, 0, Generation.NONE, false)), 0)),
        List.of(new Step.RemoveEnumLabel(0, 1))));
  }

  /**
   * The downgrade of a removal adds the label back: it must exist before the downgrade sets the
   * default that used it again (ChangeOrder: removals run after the default changes).
   */
  @Example
  void enumLabelRemovedThatADefaultUsed() {
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0, 1)), new Step.CreateTable(0, List.of(column(ColumnType.ENUM, 0, 2)), 0)),
        List.of(new Step.RemoveEnumLabel(0, 1))));
  }

  /**
   * A label added by {@code ADD VALUE} cannot be used in the same transaction: a new default uses it.
   * The files the CLI wrote ran both in one transaction, plain and in the online expand step ("unsafe
   * use of new value"), until the addition got a migration of its own (issue 9 #9).
   */
  @Example
  void enumLabelAddedAndUsedByADefault() {
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0)), new Step.CreateTable(0, List.of(column(ColumnType.ENUM, 0, 0)), 0)),
        List.of(new Step.AddEnumLabel(0, 1, 1), new Step.ChangeGeneration(0, 0, Generation.NONE, 2))));
  }

  /** Labels added and others removed or reordered at once: split into an addition, then a replacement. */
  @Example
  void enumLabelsAddedRemovedAndReorderedAtOnce() {
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0, 1, 2)), new Step.CreateTable(0, List.of(column(ColumnType.ENUM, 0, 1)), 0)),
        List.of(new Step.RemoveEnumLabel(0, 1), new Step.AddEnumLabel(0, 5, 0), new Step.ReorderEnum(0, 2),
            new Step.AddColumn(0, column(ColumnType.ENUM, 0, 1)))));
  }

  /**
   * Replacing an enum type converts its columns one by one: a foreign key between two of them could
   * not be implemented half-way, in the upgrade (labels removed) as in the downgrade (labels added).
   */
  @Example
  void enumLabelRemovedUnderAForeignKeyBetweenEnumColumns() {
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0)),
            new Step.CreateTable(0, List.of(column(ColumnType.TIMESTAMPTZ, 0, 0), column(ColumnType.ENUM, 0, 0)), 2),
            new Step.AddForeignKey(0, 0, 0, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, true)),
        List.of(new Step.RemoveEnumLabel(0, 0), new Step.AddEnumLabel(0, 3, 0))));
  }

  /**
   * An enum array column retyped to {@code text[]} kept its converted default {@code
   * ('{}'::e0[])::text[]}, which still names the enum type, so dropping the type failed.
   */
  @Example
  void enumArrayColumnBecomesTextArrayAndTheTypeIsDropped() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of()),
            new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.ENUM, 0, 1, true, 1, Generation.NONE, false)), 0)),
        List.of(new Step.DropEnum(0))));
  }

  /**
   * An existing column made {@code serial} got a default calling a sequence nobody created; made
   * plain again, it left its sequence behind.
   */
  @Example
  void existingColumnBecomesSerial() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(column(ColumnType.SMALLINT, 0, 0)), 0)),
        List.of(new Step.ChangeGeneration(0, 0, Generation.SERIAL, 0))));
  }

  /** A {@code serial} column becomes an identity column, whose sequence takes the same name. */
  @Example
  void serialColumnBecomesIdentity() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.INTEGER, 0, 0, false, 0, Generation.SERIAL, false)), 1)),
        List.of(new Step.ChangeGeneration(0, 0, Generation.IDENTITY_ALWAYS, 0))));
  }

  /** A change of collation alone rendered no statement. */
  @Example
  void columnGetsAndLosesACollation() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(column(ColumnType.VARCHAR, 0, 0)), 0)),
        List.of(new Step.ToggleCollation(0, 0))));
  }

  /** A type change without {@code COLLATE} resets the collation: the renderer must repeat it. */
  @Example
  void collatedColumnChangesType() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.VARCHAR, 1, 0, true, 0, Generation.NONE, true)), 0)),
        List.of(new Step.ChangeType(0, 0, 0))));
  }

  /**
   * PostgreSQL 15 cannot re-check a foreign key with an array column after another of its columns
   * changed type or collation ("could not find cast from 1007 to 2277"): ForeignKeyDependencies now
   * rebuilds such keys for a collation change as for a type change.
   */
  @Example
  void collationChangeUnderAForeignKeyWithAnArrayColumn() {
    assertConvergesPlain(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(column(ColumnType.INTEGER_ARRAY, 0, 0), column(ColumnType.VARCHAR, 0, 0)), 2),
            new Step.AddForeignKey(0, 0, 0, ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, false)),
        List.of(new Step.ToggleCollation(0, 3))));
  }

  /**
   * Online: a numeric key narrowed to {@code real} waits for the contract step, but the new foreign key
   * of a {@code real} column onto it was added in the expand step ("foreign key constraint cannot be
   * implemented"); it now waits for the contract step too. Found once the property applied the online
   * files.
   */
  @Example
  void foreignKeyOntoAKeyNarrowedInTheContractStep() {
    assertConverges(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.NUMERIC, 0, 0, true, 0, Generation.NONE, false)), 1)),
        List.of(new Step.ChangeType(1, 40, 0), new Step.ChangeType(11, 6, 33),
            new Step.AddForeignKey(27, 16, 10, ReferentialAction.SET_DEFAULT, ReferentialAction.NO_ACTION, true))),
        true);
  }

  /**
   * Online: an enum column made {@code varchar(200)} (a narrowing change, so it waits for the contract
   * step) while an index on {@code lower(c0)} and a unique on it are added: the online step built the
   * index on the still-enum column ("functions in index expression must be marked IMMUTABLE"; with
   * {@code text_pattern_ops}: "operator class does not accept data type e0"). Indexes, uniques and
   * primary keys over a column narrowed in the contract step are now added there, after the change.
   * Found by seed 9080307736413153831.
   */
  @Example
  void indexOnAColumnNarrowedInTheContractStep() {
    assertConverges(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of()),
            new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.ENUM, 0, 0, true, 0, Generation.NONE, false)), 0)),
        List.of(new Step.ChangeType(0, 0, 0),
            new Step.AddIndex(0, List.of(new Step.KeyPart(0, Step.KeyStyle.LOWER)), Step.Method.BTREE, false, 0, true, List.of()),
            new Step.ChangeType(0, 1, 12), new Step.ChangeType(39, 0, 0), new Step.AddUnique(8, List.of(30, 15), false),
            new Step.ToggleNullable(0, 40), new Step.ChangeType(0, 2, 2))),
        true);
  }

  /**
   * Online: the only label of an enum removed while its column, whose default used the label, becomes
   * {@code varchar} (with an index on it). Found by seed 8745270460128844496: "invalid input value for
   * enum e0".
   */
  @Example
  void enumLabelRemovedWhileItsColumnBecomesVarchar() {
    assertConverges(new SchemaPair(
        List.of(new Step.CreateEnum(0, List.of(0)),
            new Step.CreateTable(0, List.of(new ColumnSpec(0, ColumnType.ENUM, 0, 0, true, 1, Generation.NONE, false)), 0)),
        List.of(new Step.RemoveEnumLabel(35, 30),
            new Step.AddIndex(13, List.of(new Step.KeyPart(38, Step.KeyStyle.DESC_NULLS_LAST),
                new Step.KeyPart(2, Step.KeyStyle.NULLS_FIRST)), Step.Method.GIN, false, 1, true, List.of(33)),
            new Step.AddColumn(28, new ColumnSpec(11, ColumnType.BYTEA, 7, 27, false, 0, Generation.NONE, false)),
            new Step.ChangeType(10, 26, 38),
            new Step.AddColumn(7, new ColumnSpec(11, ColumnType.SMALLINT, 4, 9, false, 4, Generation.SERIAL, true)),
            new Step.ChangeType(1, 39, 0))),
        true);
  }

  /**
   * Online: table t0 with index ix0 dropped (in the contract step) while another table gets an index
   * of the same name. Index names share one namespace per schema, so the online step's {@code create
   * index concurrently if not exists ix0} was skipped while t0's index held the name, and the contract
   * step then dropped the only ix0. An index or key whose name only the contract step frees is added
   * there, after the drop. Found by seed 2253450655557370507.
   */
  @Example
  void indexNamedAsAnIndexOfATableDroppedInTheContractStep() {
    Step.AddIndex index = new Step.AddIndex(0, List.of(new Step.KeyPart(0, Step.KeyStyle.PLAIN)), Step.Method.BTREE,
        false, 0, true, List.of());
    ColumnSpec c0 = new ColumnSpec(0, ColumnType.SMALLINT, 0, 0, true, 0, Generation.NONE, false);
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(c0), 0), new Step.CreateTable(0, List.of(c0), 0), index),
        List.of(new Step.DropTable(0), index)));
  }

  /**
   * Online: t0's index ix0 goes with its column, dropped concurrently in the online step, while t0_2
   * gets an index of that name on a column whose type the expand step changes (such an index stays in the
   * expand step, beside the type change): the expand step's {@code create index ix0} failed, "relation
   * ix0 already exists". A drop that frees a name the expand step takes runs in the expand step, before
   * the create. Found by seed 2157341636573883192.
   */
  @Example
  void indexOnARetypedColumnNamedAsAnIndexDroppedInTheOnlineStep() {
    Step.AddIndex onTable0 = namedIndexOnFirstColumn(0);
    Step.AddIndex onTable1 = namedIndexOnFirstColumn(1);
    ColumnSpec c0 = new ColumnSpec(0, ColumnType.SMALLINT, 0, 0, true, 0, Generation.NONE, false);
    assertConvergesBothWays(new SchemaPair(
        List.of(new Step.CreateTable(0, List.of(c0), 0), new Step.CreateTable(0, List.of(c0), 0), onTable0),
        List.of(new Step.ChangeType(1, 0, 0), new Step.DropColumn(0, 0), onTable1)));
  }

  /**
   * Online: as {@link #indexOnARetypedColumnNamedAsAnIndexDroppedInTheOnlineStep}, with the name taken by
   * an index of a table the plan creates (its indexes are part of its CREATE TABLE, in the expand step).
   * Found in review.
   */
  @Example
  void newTableWithAnIndexNamedAsAnIndexDroppedInTheOnlineStep() {
    Step.AddIndex onTable0 = namedIndexOnFirstColumn(0);
    Step.AddIndex onTable1 = namedIndexOnFirstColumn(1);
    ColumnSpec c0 = new ColumnSpec(0, ColumnType.SMALLINT, 0, 0, true, 0, Generation.NONE, false);
    assertConvergesBothWays(new SchemaPair(List.of(new Step.CreateTable(0, List.of(c0), 0), onTable0),
        List.of(new Step.DropColumn(0, 0), new Step.CreateTable(0, List.of(c0), 0), onTable1)));
  }

  /** @return a plain, named b-tree index on the first column of a table (by its index in the pair) */
  private static Step.AddIndex namedIndexOnFirstColumn(int table) {
    return new Step.AddIndex(table, List.of(new Step.KeyPart(0, Step.KeyStyle.PLAIN)), Step.Method.BTREE, false, 0,
        true, List.of());
  }

  private static ColumnSpec column(ColumnType type, int enumChoice, int defaultChoice) {
    return new ColumnSpec(0, type, enumChoice, 0, true, defaultChoice, Generation.NONE, false);
  }

  @Provide
  Arbitrary<SchemaPair> pairs() {
    return SchemaArbitraries.pairs();
  }
}
