package dev.autogen.cli;

import dev.autogen.fixtures.TestDatabase;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * What a user runs with the Liquibase CLI or its Maven plugin, through the same command steps: {@code
 * liquibase validate}, {@code update} and {@code rollback-count}, on a project's changelog, against a real
 * database.
 */
public final class LiquibaseRuns {

  private final Path root;
  private final String changelog;

  /**
   * @param root the directory the changelog paths are relative to (e.g. {@code src/main/resources})
   * @param changelog the master changelog, relative to it
   */
  public LiquibaseRuns(Path root, String changelog) {
    this.root = root;
    this.changelog = changelog;
  }

  public void validate(TestDatabase db) throws Exception {
    run(db, new CommandScope(ValidateCommandStep.COMMAND_NAME));
  }

  public void update(TestDatabase db) throws Exception {
    run(db, new CommandScope(UpdateCommandStep.COMMAND_NAME));
  }

  public void rollbackCount(TestDatabase db, int count) throws Exception {
    run(db, new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
        .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count));
  }

  private void run(TestDatabase db, CommandScope command) throws Exception {
    try (Connection connection = db.connect()) {
      Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(root)), () -> {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
            .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog)
            .setOutput(OutputStream.nullOutputStream())
            .execute();
      });
    }
  }
}
