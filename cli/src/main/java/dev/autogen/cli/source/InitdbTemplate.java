package dev.autogen.cli.source;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A data directory just as {@code initdb} made it, kept per user and per PostgreSQL binaries ({@code
 * <java.io.tmpdir>/autogen-<user>/initdb-<hash>}), so that a throwaway embedded server starts from a copy
 * of it instead of running {@code initdb} again: on this project's 2-core machine {@code initdb} is most of
 * the second or more that a throwaway server takes to start, the copy a tenth of that.
 *
 * <p>The template is taken from the first server that runs {@code initdb}, after {@code initdb} and before
 * the server starts (io.zonky's data directory customizer), so it holds nothing of any run. It is written
 * under a temporary name and moved into place, so two runs making it at once, or a run killed meanwhile,
 * never leave a partial one; a template that cannot be copied is not used, and {@code initdb} runs as
 * before.
 */
final class InitdbTemplate {

  /** Files of a data directory that belong to a server's run, never copied: io.zonky's lock, the pid file. */
  private static final Set<String> RUN_FILES = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

  /** Written last into a complete template. */
  private static final String COMPLETE = "autogen-initdb-template";

  private final Path directory;

  private InitdbTemplate(Path directory) {
    this.directory = directory;
  }

  /**
   * @param binaries the binaries the server runs, never null
   * @return the template for them and for io.zonky's {@code initdb} options (named by its jar, as the
   *     binaries' jar names PostgreSQL's version), which may not exist yet
   */
  static InitdbTemplate of(EmbeddedBinaries binaries) {
    String zonky = EmbeddedPostgres.class.getProtectionDomain().getCodeSource().getLocation().getPath()
        .replaceAll(".*/", "");
    return new InitdbTemplate(EmbeddedRuns.userDirectory(Path.of(System.getProperty("java.io.tmpdir"))).resolve("initdb-"
        + sha256(binaries.identity() + "; " + zonky).substring(0, 16)));
  }

  /** @return where the template is (or goes) */
  Path directory() {
    return directory;
  }

  /**
   * Copies the template into an empty or missing data directory.
   *
   * @param data the data directory to fill
   * @return whether it was filled (the server then skips {@code initdb}); false when there is no complete
   *     template or the copy failed (what was copied is deleted)
   */
  boolean copyTo(Path data) {
    if (!Files.isRegularFile(directory.resolve(COMPLETE))) {
      return false;
    }
    try {
      copyTree(directory, data);
      Files.delete(data.resolve(COMPLETE));
      return true;
    } catch (IOException | UncheckedIOException e) {
      EmbeddedRuns.delete(data);
      return false;
    }
  }

  /**
   * @return what keeps a data directory {@code initdb} just made as the template, when there is none yet;
   *     for io.zonky's data directory customizer, which runs after {@code initdb} and before the server
   *     starts. Never throws: a template not kept costs only the next run's {@code initdb}.
   */
  Consumer<File> keeper() {
    return data -> {
      if (Files.isRegularFile(directory.resolve(COMPLETE))) {
        return;
      }
      Path temporary = directory.resolveSibling(directory.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        EmbeddedRuns.createPrivate(directory.getParent());
        copyTree(data.toPath(), temporary);
        Files.writeString(temporary.resolve(COMPLETE), "initdb template of autogen's embedded PostgreSQL\n",
            StandardCharsets.UTF_8);
        Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        EmbeddedRuns.delete(temporary);  // another run kept one first
      } catch (IOException | UncheckedIOException e) {
        EmbeddedRuns.delete(temporary);
      }
    };
  }

  /** Copies a data directory's files (not those of a server's run), keeping owner-only permissions. */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (source.equals(from) || RUN_FILES.contains(source.getFileName().toString())
            && source.getParent().equals(from)) {
          continue;
        }
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    try {
      // PostgreSQL refuses a data directory others may read ("has invalid permissions")
      Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
