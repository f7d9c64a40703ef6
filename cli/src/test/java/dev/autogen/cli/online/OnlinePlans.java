package dev.autogen.cli.online;

import dev.autogen.cli.TestFlyway;
import dev.autogen.codegen.flyway.FlywayFiles;
import dev.autogen.codegen.flyway.FlywayMigration;
import dev.autogen.codegen.flyway.FlywayMigrationWriter;
import dev.autogen.codegen.flyway.OnlineFlywayMigrations;
import dev.autogen.codegen.postgres.online.OnlineOptions;
import dev.autogen.codegen.postgres.online.OnlinePostgresRenderer;
import dev.autogen.diff.DiffOptions;
import dev.autogen.diff.MigrationPlan;
import dev.autogen.diff.SchemaDiff;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.introspect.IntrospectOptions;
import dev.autogen.introspect.PostgresIntrospector;
import dev.autogen.model.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test mechanics of online plans: diff, render online, write the Flyway files, apply them with
 * Flyway's own library (which honours the {@code .sql.conf} of the non-transactional step), and apply
 * the undo files the way Flyway Teams would (each in a transaction, or statement by statement when
 * its {@code .sql.conf} says {@code executeInTransaction=false}).
 */
public final class OnlinePlans {

  private OnlinePlans() {}

  /** Where the tests leave the online output they apply, for {@code .ci/run}'s Squawk step to lint. */
  static final Path OUTPUT = Path.of("target", "online-output");

  /**
   * @param scenario a scenario name
   * @return an empty directory {@code target/online-output/<scenario>}
   */
  public static Path outputDirectory(String scenario) throws IOException {
    Path dir = OUTPUT.resolve(scenario);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  /** @return the {@code public} schema of the database as autogen reads it */
  static Catalog introspect(TestDatabase db) {
    return new PostgresIntrospector(db.url(), TestDatabase.user(), TestDatabase.password(),
        IntrospectOptions.defaults()).read();
  }

  /** @return the plan from current to target */
  static MigrationPlan plan(Catalog current, Catalog target, DiffOptions options) {
    return new SchemaDiff(options).diff(current, target);
  }

  /**
   * Renders and writes the plan into the directory as the next migrations.
   *
   * @return the files of each migration written, in the order they run
   */
  static List<FlywayFiles> write(Path dir, String message, Catalog current, MigrationPlan plan, OnlineOptions options)
      throws IOException {
    Files.createDirectories(dir);
    List<String> existing;
    try (Stream<Path> files = Files.list(dir)) {
      existing = files.map(p -> p.getFileName().toString()).toList();
    }
    List<FlywayMigration> migrations = OnlineFlywayMigrations.of(message, existing, Instant.parse("2025-01-01T00:00:00Z"),
        "test", plan, new OnlinePostgresRenderer(options, current).phased(plan), options);
    return new FlywayMigrationWriter().write(dir, migrations, false);
  }

  /**
   * Applies the directory's migrations up to the version with Flyway's library (all when null), with
   * {@code flyway.postgresql.transactional.lock=false}: by default Flyway 13 holds its schema-history
   * lock in an open transaction on a second connection, which {@code CREATE INDEX CONCURRENTLY} waits
   * for until the lock timeout cancels it (Flyway "PostgreSQL Transactional Lock"; the advisory lock is
   * then taken at session level).
   */
  public static void migrate(TestDatabase db, Path dir, String target) {
    var config = TestFlyway.configure(db, dir).baselineOnMigrate(true).baselineVersion("0");
    if (target != null) {
      config.target(target);
    }
    config.load().migrate();
  }

  /** @return the version of a migration file ({@code V12__x.sql} gives {@code 12}) */
  static String version(Path file) {
    String name = file.getFileName().toString();
    return name.substring(1, name.indexOf("__"));
  }

  /**
   * Runs an undo file: in one transaction, or when its {@code .sql.conf} says so statement by statement
   * with auto-commit. Statements are split at {@code ;} ending a line, outside dollar quotes.
   */
  static void undo(TestDatabase db, FlywayFiles files) throws IOException, SQLException {
    String sql = Files.readString(files.downgrade());
    boolean transactional = files.configs().isEmpty();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(!transactional);
      for (String statement : statements(sql)) {
        s.execute(statement);
      }
      if (transactional) {
        c.commit();
      }
    }
  }

  /** Splits a generated file into statements: a line ending in {@code ;} ends one, unless inside {@code $tag$}. */
  static List<String> statements(String sql) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    String tag = null;
    for (String line : sql.split("\n", -1)) {
      if (tag == null && (line.startsWith("--") || line.isBlank())) {
        continue;
      }
      current.append(line).append('\n');
      var m = java.util.regex.Pattern.compile("\\$[a-z_]*\\$").matcher(line);
      while (m.find()) {
        tag = tag == null ? m.group() : tag.equals(m.group()) ? null : tag;
      }
      if (tag == null && line.endsWith(";")) {
        String text = current.toString().trim();
        out.add(text.substring(0, text.length() - 1));
        current.setLength(0);
      }
    }
    return out;
  }
}
