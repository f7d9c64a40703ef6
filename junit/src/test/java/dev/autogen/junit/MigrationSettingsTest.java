package dev.autogen.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where each option of the kit comes from: configuration parameter, else annotation, else nothing (the CLI's). */
class MigrationSettingsTest {

  @AutogenMigrationTests(directory = "app", packages = {"com.example.a", "com.example.b"}, devUrl = "docker",
      requireUndo = true, from = "3", base = "origin/main", options = {"--schema", "app"})
  static class Annotated {}

  private static final AutogenMigrationTests ANNOTATION = Annotated.class.getAnnotation(AutogenMigrationTests.class);

  @Test
  void noAnnotationAndNoParametersLeaveEverythingToTheCli() {
    MigrationSettings settings = MigrationSettings.of(null, key -> Optional.empty());

    assertThat(settings.directory()).isEqualTo(Path.of(""));
    assertThat(settings.options()).isEmpty();
  }

  @Test
  void theAnnotationGivesTheOptions() {
    MigrationSettings settings = MigrationSettings.of(ANNOTATION, key -> Optional.empty());

    assertThat(settings.directory()).isEqualTo(Path.of("app"));
    assertThat(settings.options()).containsExactly("--packages", "com.example.a,com.example.b", "--dev-url", "docker",
        "--from", "3", "--base", "origin/main", "--require-undo", "--schema", "app");
  }

  @Test
  void aConfigurationParameterWinsOverTheAnnotation() {
    Map<String, String> parameters = Map.of("autogen.dev-url", "jdbc:postgresql://ci/postgres",
        "autogen.require-undo", "false", "autogen.directory", "other", "autogen.migrations", "db/migration");

    MigrationSettings settings = MigrationSettings.of(ANNOTATION, key -> Optional.ofNullable(parameters.get(key)));

    assertThat(settings.directory()).isEqualTo(Path.of("other"));
    assertThat(settings.options()).containsExactly("--migrations", "db/migration", "--packages",
        "com.example.a,com.example.b", "--dev-url", "jdbc:postgresql://ci/postgres", "--from", "3", "--base",
        "origin/main", "--schema", "app");
  }
}
