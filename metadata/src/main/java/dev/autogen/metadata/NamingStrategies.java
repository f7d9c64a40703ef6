package dev.autogen.metadata;

import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;

/**
 * The pair of Hibernate naming strategies an {@link EntityModelOptions#naming()} value stands for.
 *
 * @param implicit names what the mapping leaves unnamed (join tables, join columns, ...)
 * @param physical turns logical names into database names
 */
record NamingStrategies(ImplicitNamingStrategy implicit, PhysicalNamingStrategy physical) {

  /**
   * @param naming {@code hibernate}, {@code spring} (either in any case), or the fully qualified name of
   *     a {@link PhysicalNamingStrategy} with a public no-argument constructor; never null
   * @param loader where to look for a named strategy class: the entities' class loader
   * @return the strategies; a named physical strategy comes with JPA's implicit naming, as in Hibernate
   * @throws SchemaSourceException ({@link Reason#INPUT}) when the class is missing, is not a {@link
   *     PhysicalNamingStrategy} or cannot be instantiated
   */
  static NamingStrategies resolve(String naming, ClassLoader loader) {
    String keyword = naming.toLowerCase(Locale.ROOT);
    if (keyword.equals(EntityModelOptions.HIBERNATE_NAMING)) {
      return new NamingStrategies(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE, PhysicalNamingStrategyStandardImpl.INSTANCE);
    }
    if (keyword.equals(EntityModelOptions.SPRING_NAMING)) {
      return new NamingStrategies(new SpringJoinTableNamingStrategy(), new CamelCaseToUnderscoresNamingStrategy());
    }
    return new NamingStrategies(ImplicitNamingStrategyJpaCompliantImpl.INSTANCE, instantiate(naming, loader));
  }

  private static PhysicalNamingStrategy instantiate(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new SchemaSourceException(Reason.INPUT, "unknown naming strategy " + className
          + ": use hibernate, spring or the fully qualified name of a PhysicalNamingStrategy class on --classpath", e);
    }
    if (!PhysicalNamingStrategy.class.isAssignableFrom(type)) {
      throw new SchemaSourceException(Reason.INPUT, "naming strategy " + className
          + " is not an " + PhysicalNamingStrategy.class.getName() + ": use hibernate, spring or a PhysicalNamingStrategy class", null);
    }
    try {
      return (PhysicalNamingStrategy) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new SchemaSourceException(Reason.INPUT, "naming strategy " + className
          + " cannot be instantiated: it needs a public no-argument constructor", e);
    }
  }
}
