package dev.autogen.metadata;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Where the test entities are compiled to, and reader options for them. */
final class TestEntities {

  static final String SHOP = "dev.autogen.metadata.shop";
  static final String TYPES = "dev.autogen.metadata.types";

  private TestEntities() {}

  /** @return the test-classes directory that holds the compiled test entities */
  static Path directory() {
    try {
      return Path.of(TestEntities.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return options that read one package of the test-classes directory */
  static EntityModelOptions options(String pkg, String naming, String defaultSchema) {
    return new EntityModelOptions(List.of(directory()), List.of(pkg), naming, defaultSchema);
  }
}
