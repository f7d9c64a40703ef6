package dev.autogen.codegen.flyway;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files a {@link FlywayMigrationWriter} wrote for one migration.
 *
 * @param upgrade the versioned migration, {@code V<version>__<slug>.sql}, never null
 * @param downgrade its undo migration, {@code U<version>__<slug>.sql}, never null
 * @param configs the script configuration files of a non-transactional migration ({@code
 *     <file>.sql.conf} of both), empty for a transactional one; never null
 */
public record FlywayFiles(Path upgrade, Path downgrade, List<Path> configs) {

  /** @throws NullPointerException when an argument is null */
  public FlywayFiles {
    Objects.requireNonNull(upgrade, "upgrade");
    Objects.requireNonNull(downgrade, "downgrade");
    configs = List.copyOf(configs);
  }

  /**
   * The files of a transactional migration.
   *
   * @param upgrade the versioned migration, never null
   * @param downgrade its undo migration, never null
   * @throws NullPointerException when an argument is null
   */
  public FlywayFiles(Path upgrade, Path downgrade) {
    this(upgrade, downgrade, List.of());
  }

  /** @return every file: upgrade, undo, then the configuration files */
  public List<Path> all() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(upgrade, downgrade), configs.stream()).toList();
  }
}
