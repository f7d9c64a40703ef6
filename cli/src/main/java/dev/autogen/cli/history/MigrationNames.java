package dev.autogen.cli.history;

import dev.autogen.codegen.flyway.FlywayNaming;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.flywaydb.core.internal.util.StringUtils;

/**
 * The one place that says what a file name is for Flyway under a project's naming: a versioned
 * migration, an undo migration, or nothing. The rules are Flyway 13's own, run rather than re-written:
 *
 * <ul>
 *   <li>its scanner's filter ({@code StringUtils.startsAndEndsWith}): the name starts with the prefix
 *       (case matters: {@code v1__x.sql} is no migration) and ends with one of the suffixes (case does
 *       not matter: {@code V4__x.SQL} is one), and is longer than the two;
 *   <li>its {@code ResourceNameParser}: the first suffix in the configured order that the name ends
 *       with is cut off, the longest known prefix that the name starts with decides the kind (so
 *       {@code R__} repeatables, {@code B} baselines and callbacks such as {@code afterMigrate} are
 *       no versioned migration), the rest splits at the first separator into version and description
 *       (a name without separator, {@code V1.sql}, is version 1 with an empty description), and the
 *       version must be one {@link MigrationVersion#fromVersion} reads ({@code 1.0}, {@code 001},
 *       {@code 1_0}; not {@code V__x.sql} or {@code Vx__y.sql}, which Flyway skips without a word).
 * </ul>
 *
 * <p>Flyway's community edition knows no undo prefix; its Teams edition adds it to the parser's list
 * of prefixes, where the longest prefix wins. This class does the same: of the two configured
 * prefixes, the longer one that a name starts with decides the kind ({@code VU1__x.sql} is an undo
 * migration under the prefixes {@code V} and {@code VU}). The symbolic versions {@code current},
 * {@code next} and {@code latest} are no file's version here (Flyway uses them as migration targets).
 *
 * <p>Immutable and safe to share between threads; build one per naming and reuse it (building one
 * configures Flyway, which loads its plugins).
 */
public final class MigrationNames {

  /**
   * What a file name is for Flyway.
   *
   * @param undo whether it is an undo migration (the undo prefix) rather than a versioned one
   * @param version its version as Flyway reads it, never null
   * @param rawVersion the version as the name writes it, e.g. {@code 007} or {@code 1_7}, never null
   * @param description the name between the separator and the suffix as written (underscores kept),
   *     empty when there is none; never null
   */
  public record Name(boolean undo, MigrationVersion version, String rawVersion, String description) {

    /** @throws NullPointerException when an argument is null */
    public Name {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(rawVersion, "rawVersion");
      Objects.requireNonNull(description, "description");
    }
  }

  private final FlywayNaming naming;
  private final String[] suffixes;
  private final ResourceNameParser versioned;
  private final ResourceNameParser undo;

  /**
   * @param naming how the project names its migrations, never null
   * @throws NullPointerException when naming is null
   */
  public MigrationNames(FlywayNaming naming) {
    this.naming = Objects.requireNonNull(naming, "naming");
    this.suffixes = naming.suffixes().toArray(String[]::new);
    this.versioned = parser(naming.prefix());
    this.undo = parser(naming.undoPrefix());
  }

  private ResourceNameParser parser(String prefix) {
    return new ResourceNameParser(Flyway.configure().sqlMigrationPrefix(prefix)
        .sqlMigrationSeparator(naming.separator()).sqlMigrationSuffixes(suffixes));
  }

  /**
   * @param fileName a file's name without its directories, never null
   * @return what the file is for Flyway, or empty when it is no versioned or undo migration (other
   *     suffix or prefix, repeatable, baseline, callback, no or unreadable version)
   */
  public Optional<Name> parse(String fileName) {
    Optional<String> prefix = prefixOf(fileName);
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    boolean isUndo = prefix.get().equals(naming.undoPrefix());
    ResourceName parsed = (isUndo ? undo : versioned).parse(fileName, suffixes);
    if (!parsed.isValid() || !prefix.get().equals(parsed.getPrefix())) {
      return Optional.empty();
    }
    MigrationVersion version = parsed.getVersion();
    if (version == null || version == MigrationVersion.CURRENT || version == MigrationVersion.NEXT
        || version == MigrationVersion.LATEST) {
      return Optional.empty();
    }
    String rest = fileName.substring(prefix.get().length(), fileName.length() - parsed.getSuffix().length());
    int separator = rest.indexOf(naming.separator());
    return Optional.of(separator < 0 ? new Name(isUndo, version, rest, "")
        : new Name(isUndo, version, rest.substring(0, separator),
            rest.substring(separator + naming.separator().length())));
  }

  /** @return the longer of the two prefixes that Flyway's scanner lets the name through under */
  private Optional<String> prefixOf(String fileName) {
    String longer = naming.prefix().length() >= naming.undoPrefix().length() ? naming.prefix() : naming.undoPrefix();
    String shorter = longer.equals(naming.prefix()) ? naming.undoPrefix() : naming.prefix();
    if (StringUtils.startsAndEndsWith(fileName, longer, suffixes)) {
      return Optional.of(longer);
    }
    return StringUtils.startsAndEndsWith(fileName, shorter, suffixes) ? Optional.of(shorter) : Optional.empty();
  }
}
