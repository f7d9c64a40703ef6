package dev.autogen.codegen.flyway;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.online.MigrationStep;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.PhasedStatement;
import dev.autogen.codegen.postgres.online.StepSql;
import dev.autogen.diff.Change;
import dev.autogen.diff.MigrationPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Flyway migrations of a phased plan ({@link PhasedStatement}): one per {@link MigrationStep} that
 * has statements, at consecutive versions. In online mode:
 *
 * <ol>
 *   <li>{@code V<n>__<slug>.sql}, the expand step, in a transaction, starting with {@code set local
 *       lock_timeout} and {@code set local statement_timeout};
 *   <li>{@code V<n+1>__<slug>_online_steps.sql}, outside a transaction ({@code .sql.conf}: {@code
 *       executeInTransaction=false}), starting with {@code set lock_timeout}/{@code statement_timeout}
 *       and ending with their {@code reset}; each short step in a {@code begin}/{@code commit} of its
 *       own;
 *   <li>{@code V<n+2>__contract_<slug>.sql}, the contract step, its header saying to apply it only
 *       once every instance runs the new application version.
 * </ol>
 *
 * <p>Each file holds, per change in plan order, that change's statements of its step; the plan's
 * order (renames, drops of dependents, creates, keys, foreign keys last) also orders the online steps
 * correctly (a backfill before the index on the filled column, a key before the foreign key that
 * references it). Each undo file undoes its own migration. Without online mode there is one
 * migration, laid out as ever.
 *
 * <p>In online mode and without it, a transactional step's changes that must run outside a transaction
 * ({@link dev.autogen.codegen.Statement#transactional()} false, e.g. {@code ALTER TYPE ... ADD VALUE}
 * whose new label a later change uses) get a migration of their own, {@code
 * V<n>__<slug>_outside_a_transaction.sql} with {@code executeInTransaction=false} in its {@code
 * .sql.conf}, between the step's changes before and after them; without online mode the plan is
 * then two or three migrations.
 */
public final class OnlineFlywayMigrations {

  /**
   * The words of a non-transactional migration's notes that say how Flyway is told so: true of the SQL
   * files; a layout that tells Flyway otherwise (a Java migration's {@code canExecuteInTransaction()})
   * replaces them.
   */
  public static final String HOW_NON_TRANSACTIONAL = "its .sql.conf holds executeInTransaction=false";

  private OnlineFlywayMigrations() {}

  /**
   * @param message the user's message, never null
   * @param existing the file names in the migrations directory, for the versions, never null
   * @param now the time now, never null
   * @param generatorVersion the autogen version, never null
   * @param plan the plan, never null
   * @param phased the plan rendered by {@link dev.autogen.codegen.postgres.online.OnlinePostgresRenderer}, never null
   * @param options the options it was rendered with, never null
   * @return the migrations in the order they run, at least one for a plan with changes
   */
  public static List<FlywayMigration> of(String message, List<String> existing, Instant now, String generatorVersion,
      MigrationPlan plan, List<PhasedStatement> phased, OnlineOptions options) {
    List<Unit> units = units(phased);
    List<String> names = new ArrayList<>(existing);
    List<String> versions = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      String version = FlywayVersion.next(names, now).value();
      versions.add(version);
      names.add("V" + version + "__step.sql");
    }
    boolean online = options.online();
    List<FlywayMigration> migrations = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit unit = units.get(i);
      Set<Change> inUnit = unit.statements().stream().map(p -> p.statement().change()).collect(Collectors.toSet());
      Set<Change> left = phased.stream().map(p -> p.statement().change()).filter(c -> !inUnit.contains(c))
          .collect(Collectors.toSet());
      List<Statement> statements = unit.statements().stream()
          .map(p -> statementOf(p, unit.step(), unit.transactional())).toList();
      List<String> notes = new ArrayList<>(online ? notes(i, units, versions, message) : List.of());
      if (unit.apart()) {
        notes.addAll(APART_NOTES);
      }
      migrations.add(new FlywayMigration(
          messageOf(message, unit, online), versions.get(i), now, generatorVersion, plan.without(left), statements,
          notes,
          online ? options.setTimeouts(unit.transactional()) : List.of(),
          online && !unit.transactional() ? options.resetTimeouts() : List.of(),
          unit.transactional(), online ? unit.step() : null));
    }
    return migrations;
  }

  /** The header lines of a migration split off a transactional step ({@link Unit#apart()}). */
  private static final List<String> APART_NOTES = List.of("",
      "OUTSIDE A TRANSACTION (" + HOW_NON_TRANSACTIONAL + "): these statements must commit"
          + " before the next migration runs (ALTER TYPE ... ADD VALUE: a new enum label cannot be used in the"
          + " transaction that added it, PostgreSQL \"ALTER TYPE\", Notes).");

  /**
   * One migration file: the changes of one {@link MigrationStep} that run together.
   *
   * @param step the step
   * @param transactional whether the migration runs in one transaction
   * @param apart whether these are statements of a transactional step that must run outside its
   *     transaction (a migration of their own between the step's others)
   * @param statements the changes, in plan order
   */
  private record Unit(MigrationStep step, boolean transactional, boolean apart, List<PhasedStatement> statements) {}

  /**
   * Splits the plan into migrations: one per step that has statements, in step order, except that in
   * a transactional step the changes whose pieces must run outside a transaction ({@link
   * PhasedStatement#inTransaction}) go into a migration of their own, between the step's changes
   * before and after them (plan order is kept: a label added there is committed before a later change
   * uses it).
   */
  private static List<Unit> units(List<PhasedStatement> phased) {
    List<Unit> units = new ArrayList<>();
    for (MigrationStep step : MigrationStep.values()) {
      List<PhasedStatement> inStep = phased.stream().filter(p -> p.runsIn(step)).toList();
      if (inStep.isEmpty()) {
        continue;
      }
      if (!step.transactional()) {
        units.add(new Unit(step, false, false, inStep));
        continue;
      }
      List<PhasedStatement> run = new ArrayList<>();
      boolean runInTransaction = inStep.get(0).inTransaction(step);
      for (PhasedStatement p : inStep) {
        if (p.inTransaction(step) != runInTransaction) {
          units.add(new Unit(step, runInTransaction, !runInTransaction, List.copyOf(run)));
          run.clear();
          runInTransaction = !runInTransaction;
        }
        run.add(p);
      }
      units.add(new Unit(step, runInTransaction, !runInTransaction, List.copyOf(run)));
    }
    return units;
  }

  private static Statement statementOf(PhasedStatement p, MigrationStep step, boolean transactional) {
    List<StepSql> parts = p.parts(step);
    List<String> sql = new ArrayList<>();
    List<String> reverse = new ArrayList<>();
    parts.forEach(part -> sql.addAll(part.sql()));
    for (int i = parts.size() - 1; i >= 0; i--) {
      reverse.addAll(parts.get(i).reverseSql());
    }
    Statement s = p.statement();
    return new Statement(s.change(), s.name(), sql, reverse, s.hazards(), transactional,
        PhasedStatement.batchesOf(parts));
  }

  private static String messageOf(String message, Unit unit, boolean online) {
    String base = !online ? message : switch (unit.step()) {
      case EXPAND -> message;
      case ONLINE -> message + " online steps";
      case CONTRACT -> "contract " + message;
    };
    return unit.apart() ? base + " outside a transaction" : base;
  }

  private static List<String> notes(int index, List<Unit> units, List<String> versions, String message) {
    MigrationStep step = units.get(index).step();
    List<String> notes = new ArrayList<>();
    notes.add("");
    notes.add("Online plan (--online), migration " + (index + 1) + " of " + units.size() + ": "
        + java.util.stream.IntStream.range(0, units.size())
            .mapToObj(i -> "V" + versions.get(i) + " " + units.get(i).step().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", ")) + ".");
    switch (step) {
      case EXPAND -> notes.add("EXPAND: one transaction of quick catalog changes; lock_timeout bounds every lock"
          + " wait. Keeps the running application version working.");
      case ONLINE -> {
        notes.add("ONLINE STEPS: runs OUTSIDE a transaction (" + HOW_NON_TRANSACTIONAL + ");"
            + " each short step commits on its own.");
        notes.add("If a CREATE INDEX CONCURRENTLY fails it leaves an INVALID index of that name: drop it"
            + " (DROP INDEX CONCURRENTLY name), then flyway repair and migrate again.");
      }
      case CONTRACT -> {
        int firstContract = 0;
        while (units.get(firstContract).step() != MigrationStep.CONTRACT) {
          firstContract++;
        }
        notes.add("CONTRACT STEP FOR A LATER RELEASE: apply after every instance runs the new version of the"
            + " application (" + message.lines().findFirst().orElse("") + ").");
        notes.add("It drops what only the old version used; until then leave it out of the release"
            + " (or migrate with -target=" + versions.get(Math.max(firstContract - 1, 0)) + ").");
      }
      default -> { }
    }
    return notes;
  }
}
