package dev.autogen.metadata;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot configures for Hibernate (Spring Boot's {@code
 * SpringImplicitNamingStrategy}, written again here so that autogen does not depend on Spring): JPA's
 * rules ({@link ImplicitNamingStrategyJpaCompliantImpl}) except that a join table is named {@code
 * <owning entity's physical table>_<owning attribute>}, e.g. {@code product_tags} instead of JPA's
 * {@code product_tag}.
 */
public final class SpringJoinTableNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

  /**
   * @param source Hibernate's description of the join table, never null
   * @return {@code <owning physical table>_<owning attribute name>}
   */
  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String name = source.getOwningPhysicalTableName() + "_"
        + source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(name, source.getBuildingContext());
  }
}
