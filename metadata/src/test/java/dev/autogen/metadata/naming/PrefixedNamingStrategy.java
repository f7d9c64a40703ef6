package dev.autogen.metadata.naming;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** A user's physical naming strategy: every table name gets the prefix {@code shop_}. */
public class PrefixedNamingStrategy extends PhysicalNamingStrategyStandardImpl {
  @Override
  public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment context) {
    return Identifier.toIdentifier("shop_" + logicalName.getText(), logicalName.isQuoted());
  }
}
