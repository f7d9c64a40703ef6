package dev.autogen.cli.cache;

import dev.autogen.introspect.IntrospectOptions;
import java.nio.file.Path;

/**
 * The key of a replayed schema: the catalog introspected from a scratch database after Flyway applied
 * the migrations directory to it. Besides autogen's version (added by {@link CatalogCache#key(String)},
 * and which fixes the bundled Flyway and PostgreSQL driver) it covers:
 *
 * <ul>
 *   <li>every regular file below the migrations directory, by relative path and content. That is more
 *       than Flyway reads (versioned, undo and repeatable SQL scripts, callbacks such as {@code
 *       beforeMigrate.sql}, per-script {@code .conf} files), on purpose: a file Flyway ignores costs at
 *       most a needless replay, a file Flyway reads but a filter left out would give a stale schema.
 *       Only autogen's own working files are left out: the lock file of a running {@code generate}
 *       ({@code .autogen.lock}) and temporary files ({@code .autogen-*.tmp}), none a Flyway name;
 *   <li>the project's Flyway file naming (prefix, separator, suffixes, undo prefix): it decides which
 *       files Flyway applies;
 *   <li>the introspection options: schemas in order (the first is also Flyway's default schema),
 *       include and exclude patterns;
 *   <li>the dev server's identity, as {@code DevServer.cacheIdentity} gives it (the embedded binaries'
 *       artifacts, the Docker image, or the URL without password: then the server's own version is
 *       not part of the key).
 * </ul>
 */
public final class ReplayCacheKey {

  /** The kind of replayed-schema entries. */
  public static final String KIND = "replay";

  private ReplayCacheKey() {}

  /**
   * @param cache the cache the key is for
   * @param migrations the migrations directory, or null when there is none (the replay starts empty)
   * @param naming the project's Flyway naming as one line ({@code FlywayNaming#toString}), or null
   *     without a directory
   * @param introspect the introspection options, never null
   * @param devServer the dev server's identity, never null
   * @return the key
   * @throws java.io.UncheckedIOException when the directory cannot be read
   */
  public static CacheKey of(CatalogCache cache, Path migrations, String naming, IntrospectOptions introspect,
      String devServer) {
    KeyHasher hasher = cache.key(KIND)
        .text("naming", naming)
        .texts("schemas", introspect.schemas())
        .texts("include", introspect.includeTables())
        .texts("exclude", introspect.excludeTables())
        .text("dev server", devServer);
    if (migrations == null) {
      hasher.text("migrations", null);
    } else {
      hasher.tree("migrations", migrations, ReplayCacheKey::counts);
    }
    return hasher.key();
  }

  /** @return false for autogen's lock and temporary files, which Flyway never reads */
  private static boolean counts(Path file) {
    return !ReplayPrefixes.isAutogenWorkingFile(file.getFileName().toString());
  }
}
