package dev.autogen.codegen.flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The version of the next Flyway migration in a directory, following the numbering scheme the
 * directory already uses.
 *
 * @param value the version to write after {@code V}, e.g. {@code 2}, {@code 002}, {@code
 *     20250101120000}; never null
 * @param scheme the scheme it follows, never null
 */
public record FlywayVersion(String value, Scheme scheme) {

  /** Numbering schemes, told apart by the highest existing version. */
  public enum Scheme {
    /** {@code V1}, {@code V2}, {@code V1_1}, {@code V1.1}: next is the highest major plus one. */
    NUMERIC,
    /** {@code V001}: as {@link #NUMERIC}, keeping the width of the highest version's major. */
    ZERO_PADDED,
    /** 12 or more digits ({@code V20250101120000}): next is the time now as {@code yyyyMMddHHmmss}. */
    TIMESTAMP
  }

  /** Versions of at least this many digits are taken as timestamps. */
  static final int TIMESTAMP_DIGITS = 12;

  private static final DateTimeFormatter TIMESTAMP_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  /** @throws NullPointerException when an argument is null */
  public FlywayVersion {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(scheme, "scheme");
  }

  /**
   * Reads the file names of a migrations directory and its subdirectories (Flyway scans its locations
   * recursively) and picks the next version ({@link #next(Collection, Instant)}). The command line
   * resolves the existing migrations with Flyway itself and calls {@link #next(Collection, Instant)}.
   *
   * @param directory the migrations directory, never null; missing means empty
   * @param now the time now, for the timestamp scheme, never null
   * @return the next version, {@code 1} for a missing or empty directory
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static FlywayVersion next(Path directory, Instant now) {
    if (!Files.isDirectory(directory)) {
      return next(List.of(), now);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return next(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList(), now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migrations directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Picks the next version from existing file names. Only versioned migrations ({@code V...__})
   * decide the scheme and the number; the result is then moved past any existing versioned or undo
   * ({@code U...__}) migration of the same version. Other files are ignored.
   *
   * <ul>
   *   <li>no versioned migration: {@code 1};
   *   <li>highest major of 12+ digits: {@link Scheme#TIMESTAMP}, {@code now} in UTC as {@code
   *       yyyyMMddHHmmss}, or the highest plus one when that is not greater;
   *   <li>highest major with a leading zero: {@link Scheme#ZERO_PADDED}, plus one at the same width;
   *   <li>else {@link Scheme#NUMERIC}: highest major plus one ({@code 1_1} gives {@code 2}).
   * </ul>
   *
   * @param fileNames file names without directory, never null
   * @param now the time now, never null
   * @return the next version
   */
  public static FlywayVersion next(Collection<String> fileNames, Instant now) {
    List<FlywayFileName> migrations = fileNames.stream().map(FlywayFileName::parse).flatMap(java.util.Optional::stream).toList();
    FlywayFileName highest = migrations.stream().filter(FlywayFileName::versioned)
        .max((a, b) -> FlywayFileName.VERSION_ORDER.compare(a.version(), b.version())).orElse(null);
    FlywayVersion candidate;
    if (highest == null) {
      candidate = new FlywayVersion("1", Scheme.NUMERIC);
    } else if (highest.major().length() >= TIMESTAMP_DIGITS) {
      BigInteger stamp = new BigInteger(TIMESTAMP_FORMAT.format(now));
      BigInteger floor = new BigInteger(highest.major()).add(BigInteger.ONE);
      candidate = new FlywayVersion(stamp.max(floor).toString(), Scheme.TIMESTAMP);
    } else if (highest.major().length() > 1 && highest.major().startsWith("0")) {
      candidate = new FlywayVersion(highest.major(), Scheme.ZERO_PADDED).plusOne();
    } else {
      candidate = new FlywayVersion(highest.major(), Scheme.NUMERIC).plusOne();
    }
    while (taken(candidate.value, migrations)) {
      candidate = candidate.plusOne();
    }
    return candidate;
  }

  private static boolean taken(String version, List<FlywayFileName> migrations) {
    return migrations.stream().anyMatch(m -> m.hasVersion(version));
  }

  /** @return this version plus one, zero-padded to the same width under {@link Scheme#ZERO_PADDED} */
  public FlywayVersion plusOne() {
    String next = new BigInteger(value).add(BigInteger.ONE).toString();
    if (scheme == Scheme.ZERO_PADDED && next.length() < value.length()) {
      next = "0".repeat(value.length() - next.length()) + next;
    }
    return new FlywayVersion(next, scheme);
  }

  /** @return {@link #value()} */
  @Override
  public String toString() {
    return value;
  }
}
