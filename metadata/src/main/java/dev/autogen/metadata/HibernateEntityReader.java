package dev.autogen.metadata;

import dev.autogen.metadata.postgres.PostgresCatalogTranslator;
import dev.autogen.model.Catalog;
import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.MissingClassException;
import dev.autogen.model.SchemaSource;
import dev.autogen.model.SchemaSourceException;
import dev.autogen.model.SchemaSourceException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

/**
 * Reads compiled JPA entity classes into the neutral model through Hibernate ORM's boot {@link
 * Metadata}, the relational model from which Hibernate's own schema export writes its DDL, for
 * PostgreSQL. The catalog holds exactly what that export creates ({@link PostgresCatalogTranslator}).
 *
 * <p>Steps: the classes {@link EntityScan} selects (within {@link EntityModelOptions#packages()}, else
 * the application's own entries, plus the persistence unit's listed classes) are loaded by a class
 * loader over {@link EntityModelOptions#classpath()} whose parent is autogen's (so JPA and
 * Hibernate annotations are shared); {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass},
 * {@code @Converter} classes and annotated {@code package-info} classes go to Hibernate's {@code
 * MetadataSources}, with the configured naming strategies and {@code
 * org.hibernate.dialect.PostgreSQLDialect}; no JDBC connection is ever opened. Then, as a session
 * factory does before it creates a schema, Bean Validation's constraints are applied when the class path
 * holds a provider ({@link BeanValidationDdl}), columns are put in Hibernate's creation order ({@code
 * MetadataImplementor.orderColumns}) and the mapping is validated.
 */
public final class HibernateEntityReader implements SchemaSource {

  private static final String MAPPING_ERROR = "entity mapping error: ";

  private final EntityModelOptions options;
  private final ColumnDefinitionResolver columnDefinitions;

  /**
   * @return the Hibernate this reader maps with: the one bundled with autogen (its {@code
   *     org.hibernate.Version}), never null
   */
  public static dev.autogen.model.HibernateUsed hibernateUsed() {
    return new dev.autogen.model.HibernateUsed(org.hibernate.Version.getVersionString(),
        dev.autogen.model.HibernateUsed.Source.BUNDLED);
  }

  /**
   * A reader without a column definition resolver: the type of a {@code columnDefinition} is taken
   * from its leading type name (the text before its first constraint keyword).
   *
   * @param options what to read, never null
   */
  public HibernateEntityReader(EntityModelOptions options) {
    this(options, null);
  }

  /**
   * @param options what to read, never null
   * @param columnDefinitions asks a database what each {@code @Column(columnDefinition = ...)} means
   *     (type, not null, default, identity, generation, collation); null to take only the leading type
   *     name of each definition
   */
  public HibernateEntityReader(EntityModelOptions options, ColumnDefinitionResolver columnDefinitions) {
    this.options = options;
    this.columnDefinitions = columnDefinitions;
  }

  /**
   * @return the catalog Hibernate's schema export would create, never null
   * @throws SchemaSourceException ({@link Reason#INPUT}) when a classpath entry does not exist or is no
   *     directory or jar, when no {@code @Entity} class is found, when a class file is damaged, when a
   *     mapped class or a class the mapping refers to cannot be loaded (never a model without it),
   *     when the naming strategy is unknown, or when Hibernate rejects the mapping ({@code entity mapping
   *     error: ...}); whatever the column definition resolver throws
   */
  @Override
  public Catalog read() {
    return withMetadata(metadata ->
        new PostgresCatalogTranslator(metadata, options.defaultSchema(), columnDefinitions).translate());
  }

  /**
   * The statements Hibernate's own schema creation writes for the same metadata: {@code
   * SchemaCreatorImpl}, what {@code hbm2ddl.auto=create} and JPA's {@code
   * schema-generation.scripts.action=create} run, with the same settings (so {@code
   * hibernate.default_schema} qualifies unqualified names), without {@code create schema} statements.
   * It is the reference that {@link #read()} follows, for tests and demonstrations.
   *
   * @return the statements in execution order, without delimiters, never null
   * @throws SchemaSourceException as {@link #read()}
   */
  public List<String> hibernateCreateScript() {
    return withMetadata(metadata -> {
      List<String> statements = new ArrayList<>();
      var registry = ((MetadataImplementor) metadata).getMetadataBuildingOptions().getServiceRegistry();
      // doCreation(Metadata, boolean, GenerationTarget...) applies the registry's configuration settings
      new SchemaCreatorImpl(registry).doCreation(metadata, false, new StatementCollector(statements));
      return List.copyOf(statements);
    });
  }

  /**
   * Runs {@code use} on the boot metadata of the configured classes, with the entities' class loader as
   * the thread's context class loader; everything is closed afterwards.
   *
   * @param use reads the metadata; must not keep it
   * @return what {@code use} returns
   * @throws SchemaSourceException as {@link #read()}
   */
  <T> T withMetadata(Function<Metadata, T> use) {
    List<Path> entries = existingEntries();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls(entries), HibernateEntityReader.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      NamingStrategies naming = NamingStrategies.resolve(options.naming(), loader);
      MappedClassFinder finder = new MappedClassFinder(loader);
      MappedClasses classes = finder.find(EntityScan.classNames(options, loader));
      requireEntities(classes);
      try (HibernateMetadata hibernate = HibernateMetadata.build(classes, loader, naming, options)) {
        return use.apply(hibernate.metadata());
      } catch (LinkageError | TypeNotPresentException e) {
        // Hibernate reflects on the mapped classes' fields and methods: a class they refer to is missing
        // (NoClassDefFoundError) or damaged (ClassFormatError); never a partial model (issue 9, #2)
        throw unreadable(e, finder, classes);
      } catch (SchemaSourceException e) {
        throw e;
      } catch (RuntimeException e) {
        // the same, wrapped: an annotation member naming a missing class (InvocationTargetException of a
        // TypeNotPresentException), a class named by a string (ClassLoadingException of a ClassNotFoundException)
        Throwable missing = MissingClasses.find(e);
        if (missing == null) {
          throw e;
        }
        throw unreadable(missing, finder, classes);
      }
    } catch (HibernateException e) {
      // MappingException, AnnotationException, boot.MappingException, PropertyNotFoundException, ...:
      // all raised while Hibernate binds the user's classes
      throw new SchemaSourceException(Reason.INPUT, MAPPING_ERROR + Messages.oneLine(e.getMessage()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * @return the error for a class the mapping refers to that cannot be loaded: {@code class shop.Extra,
   *     which shop.Review refers to, cannot be loaded (NoClassDefFoundError: shop/Extra): ...}
   */
  private static SchemaSourceException unreadable(Throwable e, MappedClassFinder finder, MappedClasses classes) {
    if (e instanceof UnsupportedClassVersionError tooNew) {
      return ClassFileVersion.tooNew(tooNew, null, Thread.currentThread().getContextClassLoader());
    }
    String missing = MissingClasses.className(e);
    String remedy = e instanceof ClassFormatError ? "rebuild the project" : "add the jar or directory that holds it to --classpath";
    String cause = e.getClass().getSimpleName() + ": " + Messages.oneLine(e.getMessage());
    if (missing == null) {
      return new SchemaSourceException(Reason.INPUT, "a class the entities refer to cannot be read (" + cause + "): "
          + remedy, e);
    }
    List<String> referring = finder.referring(classes.classes(), missing.replace('.', '/'));
    String by = referring.isEmpty() ? "" : ", which " + String.join(", ", referring) + " refer" + (referring.size() == 1 ? "s" : "") + " to,";
    return new MissingClassException("class " + missing + by + " cannot be loaded (" + cause + "): " + remedy,
        missing, e);
  }

  private List<Path> existingEntries() {
    for (Path entry : java.util.stream.Stream.concat(options.classpath().stream(), options.applicationEntries().stream())
        .toList()) {
      if (!Files.exists(entry)) {
        throw new SchemaSourceException(Reason.INPUT, "classpath entry does not exist: " + entry
            + ": pass existing directories or jars with --classpath", null);
      }
    }
    return options.classpath();
  }

  private void requireEntities(MappedClasses classes) {
    if (classes.entityCount() > 0) {
      return;
    }
    String within = options.packages().isEmpty() ? "" : " within packages " + String.join(", ", options.packages());
    if (options.packages().isEmpty() && options.excludeUnlistedClasses()) {
      throw new SchemaSourceException(Reason.INPUT, "no @Entity classes found among the classes the persistence unit "
          + "lists (" + String.join(", ", options.listedClasses()) + "): list its entities with <class> in "
          + "persistence.xml", null);
    }
    if (!classes.javaxEntities().isEmpty()) {
      throw new SchemaSourceException(Reason.INPUT, "no @Entity classes found in " + entries() + within
          + ": " + classes.javaxEntities().get(0) + " uses javax.persistence, which Hibernate 7 does not read:"
          + " migrate the entities to jakarta.persistence", null);
    }
    throw new SchemaSourceException(Reason.INPUT, "no @Entity classes found in " + entries() + within
        + ": pass the directory or jar that holds the compiled entities with --classpath"
        + (options.packages().isEmpty() ? ", or name the packages of entities in a jar with --packages" : ""), null);
  }

  private String entries() {
    return (options.packages().isEmpty() ? options.scannedEntries() : options.classpath()).stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", "));
  }

  private static URL[] urls(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new SchemaSourceException(Reason.INPUT, "classpath entry is not a valid path: " + entries.get(i), e);
      }
    }
    return urls;
  }

}
