package dev.autogen.metadata;

import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Hibernate's boot {@link Metadata} for a set of mapped classes: the relational model from which
 * Hibernate's own schema export writes its DDL. Built without ever opening a JDBC connection: the
 * dialect is {@link PostgreSQLDialect}, set explicitly, and {@value JdbcSettings#ALLOW_METADATA_ON_BOOT}
 * is false. As a session factory does before it creates a schema ({@code SessionFactoryImpl}), the
 * columns are put in Hibernate's creation order ({@code MetadataImplementor.orderColumns}, {@code
 * ColumnOrderingStrategyStandard}) and the mapping is validated, after Bean Validation's constraints are
 * applied as Hibernate's {@code BeanValidationIntegrator} applies them ({@link BeanValidationDdl}). Holds a service registry: close it
 * when done.
 */
final class HibernateMetadata implements AutoCloseable {

  private final StandardServiceRegistry registry;
  private final Metadata metadata;

  private HibernateMetadata(StandardServiceRegistry registry, Metadata metadata) {
    this.registry = registry;
    this.metadata = metadata;
  }

  /**
   * Builds the metadata. The caller should make {@code loader} the thread's context class loader
   * while this runs and while the metadata is read, as an application server would.
   *
   * @param classes the mapped classes and annotated packages, never null
   * @param loader the class loader that loaded {@code classes}; Hibernate's class loader service uses it
   *     ({@link MissRememberingClassLoaderService})
   * @param naming the naming strategies, never null
   * @param options the application's Hibernate settings ({@link EntityModelOptions#hibernateSettings()},
   *     applied first), {@code hibernate.default_schema} ({@link EntityModelOptions#defaultSchema()}) and
   *     {@code hibernate.globally_quoted_identifiers} ({@link
   *     EntityModelOptions#globallyQuotedIdentifiers()}) come from here; never null
   * @return the built metadata, to be closed by the caller
   * @throws org.hibernate.MappingException when the mapping is invalid (the registry is closed then)
   */
  static HibernateMetadata build(MappedClasses classes, ClassLoader loader, NamingStrategies naming,
      EntityModelOptions options) {
    BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
        .applyClassLoaderService(new MissRememberingClassLoaderService(new java.util.HashSet<>(java.util.List.of(loader))))
        .build();
    StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
        // the application's own settings first: what autogen must decide is applied after them
        .applySettings(new java.util.HashMap<String, Object>(options.hibernateSettings()))
        .applySettings(Map.of(
            JdbcSettings.DIALECT, PostgreSQLDialect.class.getName(),
            JdbcSettings.ALLOW_METADATA_ON_BOOT, Boolean.FALSE));
    if (options.globallyQuotedIdentifiers()
        || !options.hibernateSettings().containsKey(MappingSettings.GLOBALLY_QUOTED_IDENTIFIERS)) {
      settings.applySetting(MappingSettings.GLOBALLY_QUOTED_IDENTIFIERS, options.globallyQuotedIdentifiers());
    }
    if (options.defaultSchema() != null) {
      settings.applySetting(MappingSettings.DEFAULT_SCHEMA, options.defaultSchema());
    }
    StandardServiceRegistry registry = settings.build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      classes.classes().forEach(sources::addAnnotatedClass);
      classes.packages().forEach(sources::addPackage);
      EntityScan.mappingFiles(options).forEach(sources::addResource);
      org.hibernate.boot.MetadataBuilder builder = sources.getMetadataBuilder();
      // a strategy the application's settings name is resolved by Hibernate itself, on the entities' loader
      if (!options.hibernateSettings().containsKey(MappingSettings.IMPLICIT_NAMING_STRATEGY)) {
        builder.applyImplicitNamingStrategy(naming.implicit());
      }
      if (!options.hibernateSettings().containsKey(MappingSettings.PHYSICAL_NAMING_STRATEGY)) {
        builder.applyPhysicalNamingStrategy(naming.physical());
      }
      Metadata metadata = builder.build();
      // what SessionFactoryImpl does before it creates a schema: its integrators (Bean Validation's
      // among them), Hibernate's column order, then validation
      BeanValidationDdl.apply(metadata, registry);
      ((MetadataImplementor) metadata).orderColumns(true);
      ((MetadataImplementor) metadata).validate();
      return new HibernateMetadata(registry, metadata);
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** @return the metadata, never null */
  Metadata metadata() {
    return metadata;
  }

  /** Destroys the service registry (and with it the bootstrap registry). */
  @Override
  public void close() {
    StandardServiceRegistryBuilder.destroy(registry);
  }
}
