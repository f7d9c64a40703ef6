package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

  @Test
  void leavesUnsetParametersOutSoThatAutogenPropertiesAndDefaultsApply() {
    CliArguments arguments = new CliArguments("check")
        .option("--url", (String) null).option("--naming", " ").option("--packages", List.of())
        .repeated("--rename", null).flag("--no-cache", false).option("--migrations", (File) null);

    assertThat(arguments.toArray()).containsExactly("check");
  }

  @Test
  void givesListsCommaSeparatedRepeatedOptionsOncePerValueAndFilesAbsolute() {
    CliArguments arguments = new CliArguments("generate")
        .option("--packages", List.of("com.a", "com.b"))
        .repeated("--rename", List.of("t.a=b", "c=d"))
        .option("--migrations", new File("db"))
        .flag("--no-input", true);

    assertThat(arguments.toArray()).containsExactly("generate", "--packages", "com.a,com.b", "--rename", "t.a=b",
        "--rename", "c=d", "--migrations", new File("db").getAbsolutePath(), "--no-input");
  }

  @Test
  void neverShowsThePassword() {
    CliArguments arguments = new CliArguments("check").option("--user", "app").option("--password", "s3cret");

    assertThat(arguments.toString()).isEqualTo("autogen check --user app --password ***");
    assertThat(arguments.toArray()).contains("s3cret");
  }
}
