package dev.autogen.codegen.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a Flyway SQL migration with a version (Flyway documentation, "Migrations", naming):
 * {@code V<version>__<description>.sql} for a versioned migration, {@code U<version>__<description>.sql}
 * for its undo. The version is digits separated by {@code .} or {@code _} ({@code 1}, {@code 1.1},
 * {@code 1_1}, {@code 001}, {@code 20250101120000}); repeatable ({@code R__}) and other files have no
 * version and are not parsed.
 *
 * @param prefix {@code V} or {@code U}
 * @param version the version as written, e.g. {@code 1_1}, never null
 * @param description the part after {@code __} without {@code .sql}, possibly empty, never null
 */
public record FlywayFileName(char prefix, String version, String description) {

  private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
  private static final Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");

  /** Orders versions as Flyway does: numerically, part by part, trailing zero parts ignored. */
  public static final Comparator<String> VERSION_ORDER = (a, b) -> compareParts(parts(a), parts(b));

  /**
   * @param fileName a file name without directory, never null
   * @return the parsed name, or empty when it is not a versioned or undo SQL migration
   */
  public static Optional<FlywayFileName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new FlywayFileName(m.group(1).charAt(0), m.group(2), m.group(3)));
  }

  /**
   * @param version a version string, never null
   * @return whether it is a Flyway version: digits separated by {@code .} or {@code _}
   */
  public static boolean isVersion(String version) {
    return VERSION.matcher(version).matches();
  }

  /** @return the file name this parses from: {@code <prefix><version>__<description>.sql} */
  public String fileName() {
    return prefix + version + "__" + description + ".sql";
  }

  /** @return whether this is a versioned (upgrade) migration, prefix {@code V} */
  public boolean versioned() {
    return prefix == 'V';
  }

  /** @return the leading number of the version as written, e.g. {@code 001} of {@code 001_2} */
  public String major() {
    return version.split("[._]")[0];
  }

  /**
   * @param otherVersion a version, never null
   * @return whether Flyway sees the same version ({@code 1.0} equals {@code 1} and {@code 001})
   */
  public boolean hasVersion(String otherVersion) {
    return VERSION_ORDER.compare(version, otherVersion) == 0;
  }

  private static List<BigInteger> parts(String version) {
    List<BigInteger> parts = new ArrayList<>(Arrays.stream(version.split("[._]")).map(BigInteger::new).toList());
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  private static int compareParts(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
