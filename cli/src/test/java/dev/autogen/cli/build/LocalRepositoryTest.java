package dev.autogen.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact of a local Maven repository that holds a missing class is found under the directories
 * of the class's package and its ancestors, and named with its highest version (1.10 after 1.9).
 */
class LocalRepositoryTest {

  @Test
  void theArtifactHoldingAClassIsFoundByItsPackageWithItsHighestVersion(@TempDir Path dir) throws Exception {
    Path classes = JavaSources.compile(Map.of("com.example.money.Money", "public class Money {}"),
        dir.resolve("classes"), List.of());
    Path repository = dir.resolve("repository");
    for (String version : List.of("1.9", "1.10", "1.2")) {
      Path folder = Files.createDirectories(repository.resolve("com/example/money-lib/" + version));
      JavaSources.jar(classes, folder.resolve("money-lib-" + version + ".jar"));
    }
    Files.createDirectories(repository.resolve("com/example/other/1.0"));
    LocalRepository local = new LocalRepository(repository);

    assertThat(local.artifactsHolding("com.example.money.Money")).containsExactly("com.example:money-lib:1.10");
    assertThat(local.hint("com.example.money.Money"))
        .isEqualTo("; the local Maven repository has it in com.example:money-lib:1.10 (add that dependency)");
    assertThat(local.artifactsHolding("com.example.money.Coin")).isEmpty();
    assertThat(local.hint("org.nowhere.Thing")).isEmpty();
  }
}
