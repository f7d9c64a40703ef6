package dev.autogen.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The settings of the migration tests of a test class that implements {@link AutogenMigrationChecks}:
 * the options of {@code autogen verify}, each optional. An empty value (the default) leaves the option
 * to the CLI: its value in {@code autogen.properties} of the project directory, else the CLI's default
 * (the migrations directory from the application's config, the class path and naming the CLI finds,
 * an embedded PostgreSQL as dev server). A JUnit configuration parameter or JVM system property {@code
 * autogen.<option>} ({@code -Dautogen.dev-url=jdbc:postgresql://ci-db/postgres}) wins over the
 * annotation ({@link MigrationSettings}).
 *
 * <p>Without the annotation, every option is the CLI's default.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AutogenMigrationTests {

  /** @return the project directory, relative to the working directory; empty: the working directory */
  String directory() default "";

  /** @return {@code --migrations}: the migrations directory; empty: the CLI's (the application's config) */
  String migrations() default "";

  /** @return {@code --packages}: the entity packages; empty: the CLI's default scan */
  String[] packages() default {};

  /** @return {@code --classpath}: the entities' class path; empty: the CLI's ({@code target/classes} and the build's) */
  String classpath() default "";

  /** @return {@code --naming}: the Flyway naming or Hibernate naming strategy as the CLI takes it; empty: the CLI's */
  String naming() default "";

  /** @return {@code --dev-url}: the dev server's JDBC URL or {@code docker}; empty: an embedded PostgreSQL */
  String devUrl() default "";

  /** @return {@code --user}: the dev server's user; empty: the CLI's */
  String user() default "";

  /** @return {@code --require-undo}: fail "single head" for a migration without undo file */
  boolean requireUndo() default false;

  /** @return {@code --seeds}: the seed files directory; empty: {@code src/test/resources/autogen/seed} when it exists */
  String seeds() default "";

  /** @return {@code --from}: the baseline version, no stairway at or below it; empty: none */
  String from() default "";

  /**
   * @return {@code --base}: the git ref this branch merges into ({@code origin/main}); "single head" then
   *     fails for a migration this branch adds whose version is not above the base's highest; empty: none
   */
  String base() default "";

  /** @return further options of {@code autogen verify} as on its command line, e.g. {@code {"--schema", "app"}} */
  String[] options() default {};
}
