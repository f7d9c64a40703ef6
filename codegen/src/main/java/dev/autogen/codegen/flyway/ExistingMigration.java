package dev.autogen.codegen.flyway;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A versioned or undo migration that already exists in a migrations directory, as the migration tool
 * resolved it (for Flyway: its own scan of the location, subdirectories included, and its own parsing
 * of the name). The caller resolves them; codegen only compares versions.
 *
 * @param name the migration's prefix ({@code V} or {@code U}), version as written (with {@code _}
 *     read as {@code .}, as Flyway reads it) and description, never null
 * @param file where it is, for messages, never null
 */
public record ExistingMigration(FlywayFileName name, Path file) {

  /** @throws NullPointerException when an argument is null */
  public ExistingMigration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }
}
