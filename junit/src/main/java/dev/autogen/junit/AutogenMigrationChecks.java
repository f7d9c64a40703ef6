package dev.autogen.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The checks of {@code autogen verify} as JUnit 5 dynamic tests: a test class implements this interface
 * (and declares nothing else), optionally with its settings in {@link AutogenMigrationTests}:
 *
 * <pre>{@code
 * @AutogenMigrationTests(packages = "com.example.model")
 * class MigrationsTest implements AutogenMigrationChecks {}
 * }</pre>
 *
 * <p>Jupiter runs the inherited {@link TestFactory}: {@code autogen verify} runs once, on a private
 * scratch database of the dev server, and its result becomes the tests ({@link MigrationTests}).
 */
@ExtendWith(MigrationSettingsResolver.class)
public interface AutogenMigrationChecks {

  /**
   * @param settings the class's settings ({@link MigrationSettingsResolver}), never null
   * @return a {@code history} test, one container per versioned migration ({@code single head}, {@code
   *     upgrade}, {@code stairway}, {@code seeded data}) and {@code model matches entities}
   * @throws AutogenVerifyException when verify cannot run (bad configuration or input, exit code 2; the
   *     dev server unreachable, 3), with the CLI's one-line message
   */
  @TestFactory
  @DisplayName("autogen verify")
  default Stream<DynamicNode> migrations(MigrationSettings settings) {
    return MigrationTests.verify(settings).nodes();
  }
}
