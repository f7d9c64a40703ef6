package dev.autogen.model;

import java.util.Objects;

/**
 * Which Hibernate read the entities: reported with {@code --timings}, {@code --verbose} and in the
 * JSON report, since Hibernate's majors map some things differently (issue 10: a join table's key, an
 * element collection's unique).
 *
 * @param version Hibernate's version string as {@code org.hibernate.Version} gives it, e.g. {@code
 *     7.4.6.Final}; never null or blank
 * @param source where that Hibernate came from, never null
 */
public record HibernateUsed(String version, Source source) {

  /** Where the Hibernate that read the entities came from. */
  public enum Source {
    /** The Hibernate bundled with autogen (the application's class path holds none). */
    BUNDLED("bundled"),
    /** The application's own {@code hibernate-core}, found on its class path. */
    APPLICATION("application class path");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /** @return how reports name it: {@code bundled} or {@code application class path} */
    public String label() {
      return label;
    }
  }

  /**
   * @throws NullPointerException when version or source is null
   * @throws IllegalArgumentException when version is blank
   */
  public HibernateUsed {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
    if (version.isBlank()) {
      throw new IllegalArgumentException("a Hibernate version is not blank");
    }
  }

  /** @return e.g. {@code Hibernate 7.4.6.Final (bundled)} */
  @Override
  public String toString() {
    return "Hibernate " + version + " (" + source.label() + ")";
  }
}
