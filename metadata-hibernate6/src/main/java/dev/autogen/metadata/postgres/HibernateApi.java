package dev.autogen.metadata.postgres;

import org.hibernate.mapping.Index;

/**
 * What the translator reads from Hibernate 6's mapping where Hibernate 7's API differs; the twin of the
 * metadata module's {@code src/hibernate7} class of the same name.
 */
final class HibernateApi {

  private HibernateApi() {
  }

  /**
   * @param index a Hibernate index, never null
   * @return always null: Hibernate 6's {@code @Index} has no {@code options} (added in JPA 3.2 and
   *     Hibernate 7), so its DDL never writes a predicate
   */
  static String indexOptions(Index index) {
    return null;
  }
}
