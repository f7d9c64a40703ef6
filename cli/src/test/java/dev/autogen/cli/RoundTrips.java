package dev.autogen.cli;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.postgres.PostgresRenderer;
import dev.autogen.diff.Change;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The mechanics of DESIGN.md's central property ("Testing"), shared by the hand-made round trips and
 * the convergence properties: read a real database, diff two complete schemas ({@link
 * DiffOptions#DiffOptions(dev.autogen.model.Dialect, List)}: everything only one side has is a change)
 * and render the plan with the PostgreSQL renderer, and apply an upgrade or a downgrade to a real
 * database the way a migration tool would.
 */
public final class RoundTrips {

  private RoundTrips() {}

  /**
   * @param db a test database, never null
   * @return its {@code public} schema as {@link PostgresIntrospector} reads it with default options
   */
  public static Catalog introspect(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }

  /**
   * @param db the database, never null
   * @param excluded table globs left out, as {@code --exclude-tables} takes them (e.g. a migration tool's
   *     own tables)
   * @return its {@code public} schema without those tables
   */
  public static Catalog introspectWithout(TestDatabase db, List<String> excluded) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        new IntrospectOptions(List.of(), List.of(), excluded)).read();
  }

  /**
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @param renames confirmed renames ({@code --rename} syntax), never null
   * @return the plan rendered by the PostgreSQL renderer, one statement group per change, in order
   */
  public static List<Statement> migration(Catalog current, Catalog target, List<String> renames) {
    return new PostgresRenderer().render(plan(current, target, renames));
  }

  /**
   * @param current the schema as it is, never null
   * @param target the schema as it should be, never null
   * @return the changes a diff without renames finds: empty when both mean the same
   */
  public static List<Change> changes(Catalog current, Catalog target) {
    return plan(current, target, List.of()).changes();
  }

  private static MigrationPlan plan(Catalog current, Catalog target, List<String> renames) {
    return new SchemaDiff(new DiffOptions(PostgresDialect.INSTANCE, renames)).diff(current, target);
  }

  /**
   * Applies the statements in order, the way a migration tool runs a migration file: the statements
   * that may run in a transaction together in one transaction per uninterrupted stretch; each
   * statement group that may not ({@link Statement#transactional()}, e.g. {@code ALTER TYPE ... ADD
   * VALUE} whose value a later statement uses) committed on its own, as its own migration.
   *
   * @param db the database, never null
   * @param statements a rendering, never null
   * @throws IllegalStateException wrapping the server's error, with the failing SQL
   */
  public static void upgrade(TestDatabase db, List<Statement> statements) {
    apply(db, statements, Statement::sql);
  }

  /**
   * Applies the reverse statements in reverse order, grouped into transactions as {@link #upgrade}
   * does: what the undo file does.
   *
   * @param db the database, never null
   * @param statements a rendering, never null
   * @throws IllegalStateException wrapping the server's error, with the failing SQL
   */
  public static void downgrade(TestDatabase db, List<Statement> statements) {
    List<Statement> reversed = new ArrayList<>(statements);
    java.util.Collections.reverse(reversed);
    apply(db, reversed, Statement::reverseSql);
  }

  private static void apply(TestDatabase db, List<Statement> statements, Function<Statement, List<String>> sqlOf) {
    List<String> transaction = new ArrayList<>();
    try (Connection c = db.connect()) {
      for (Statement s : statements) {
        if (s.transactional()) {
          transaction.addAll(sqlOf.apply(s));
        } else {
          run(c, transaction);
          transaction.clear();
          run(c, sqlOf.apply(s));
        }
      }
      run(c, transaction);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to " + db.url() + ": " + e.getMessage(), e);
    }
  }

  /** Runs statements as one simple-protocol query: PostgreSQL runs such a query as one transaction. */
  private static void run(Connection connection, List<String> sql) {
    if (sql.isEmpty()) {
      return;
    }
    String script = String.join(";\n", sql);
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute(script);
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + "\n-- while running:\n" + script, e);
    }
  }
}
