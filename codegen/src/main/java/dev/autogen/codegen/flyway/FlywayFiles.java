package dev.autogen.codegen.flyway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files a {@link FlywayMigrationWriter} wrote.
 *
 * @param upgrade the versioned migration, {@code V<version>__<slug>.sql}, never null
 * @param downgrade its undo migration, {@code U<version>__<slug>.sql}, never null
 */
public record FlywayFiles(Path upgrade, Path downgrade) {

  /** @throws NullPointerException when a path is null */
  public FlywayFiles {
    Objects.requireNonNull(upgrade, "upgrade");
    Objects.requireNonNull(downgrade, "downgrade");
  }
}
