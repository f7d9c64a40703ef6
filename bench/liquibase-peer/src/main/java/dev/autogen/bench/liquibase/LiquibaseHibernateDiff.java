package dev.autogen.bench.liquibase;

import dev.autogen.bench.Directories;
import dev.autogen.bench.Subject;
import dev.autogen.bench.peer.EntityClasses;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's Hibernate diff as a command: the Liquibase row of the benchmark. Liquibase 4.33's {@code
 * diffChangelog} compares the database (the target, {@code --url}) with the entities (the reference,
 * read by liquibase-hibernate6 through a generated {@link PersistenceUnit} and a {@code
 * hibernate:ejb3:} reference URL) and writes the changesets that would bring the database to the
 * entities; the database is never changed.
 *
 * <p>Usage: {@code java [JVM_OPTIONS] -jar bench/liquibase-peer/target/autogen-bench-liquibase-peer.jar
 * OPTIONS}, with the {@link Subject} options (those of {@code autogen check}). Standard output gets the
 * XML changelog and nothing else (Liquibase's messages go to its log, on standard error, along with
 * harmless {@code NoClassDefFoundError}s of the extension's Spring database types when Spring is
 * absent). A failure propagates as an uncaught exception: exit code 1, the stack trace on standard
 * error.
 *
 * <p>On the benchmark's 1,000-deep chain of eager {@code @ManyToOne}s, two recursions grow with the
 * chain: building the entity manager factory (which {@code HibernateEjb3Database} does), Hibernate
 * 6.6 builds each entity's loader with the whole chain of joined fetches ({@code
 * ToOneAttributeMapping.generateFetch}), which overflows the default stack, and with {@code -Xss1g}
 * exhausts the default heap; then Liquibase's snapshot follows the foreign keys recursively ({@code
 * DatabaseSnapshot.include}), which overflows the default stack too. It completes with {@code -Xss1g
 * -Dhibernate.max_fetch_depth=2} (Hibernate reads the system property).
 */
public final class LiquibaseHibernateDiff {

  private static final String UNIT = "autogen-bench";

  private LiquibaseHibernateDiff() {}

  /**
   * @param args see the class comment
   * @throws Exception when the classes cannot be read, the database cannot be reached or Liquibase
   *     fails (issue 3 saw a {@link StackOverflowError} on a 1,000-deep foreign-key chain)
   */
  public static void main(String[] args) throws Exception {
    Subject subject = Subject.parse(args);
    Path work = Files.createTempDirectory("autogen-bench-liquibase");
    try (URLClassLoader entities = new URLClassLoader(new URL[] {subject.classes().toUri().toURL()},
        LiquibaseHibernateDiff.class.getClassLoader())) {
      PersistenceUnit unit = PersistenceUnit.write(work.resolve("unit"), UNIT,
          EntityClasses.scan(subject.classes(), subject.packages(), entities));
      try (URLClassLoader loader = new URLClassLoader(new URL[] {unit.directory().toUri().toURL()}, entities)) {
        Thread.currentThread().setContextClassLoader(loader);
        Path changelog = work.resolve("changelog.xml");
        Scope.child(Map.of(Scope.Attr.classLoader.name(), loader, Scope.Attr.ui.name(), new LoggerUIService()),
            () -> diffChangelog(subject, unit, changelog));
        System.out.print(Files.readString(changelog));
        System.out.flush();
      }
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static void diffChangelog(Subject subject, PersistenceUnit unit, Path changelog) throws Exception {
    CommandScope diff = new CommandScope(DiffChangelogCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, subject.url())
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, subject.user())
        .addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_URL_ARG, unit.referenceUrl())
        .addArgumentValue(DiffChangelogCommandStep.CHANGELOG_FILE_ARG, changelog.toString());
    if (subject.password() != null) {
      diff.addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, subject.password());
    }
    diff.execute();
  }
}
