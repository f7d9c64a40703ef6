package dev.autogen.metadata;

import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.HibernateUsed;
import dev.autogen.model.SchemaSource;
import dev.autogen.model.SchemaSourceException;
import java.util.List;
import java.util.Optional;
import org.hibernate.Version;

/**
 * Picks the Hibernate that reads the entities, as the application's runtime would: the {@code
 * hibernate-core} on the application's class path ({@link EntityModelOptions#classpath()}) when there is
 * one, in an isolated class loader ({@link IsolatedEntityReader}); autogen's bundled Hibernate otherwise
 * ({@link HibernateEntityReader}).
 */
public final class EntityReaders {

  private EntityReaders() {
  }

  /**
   * @param options what to read, never null
   * @param columnDefinitions as {@link HibernateEntityReader#HibernateEntityReader(EntityModelOptions,
   *     ColumnDefinitionResolver)}, may be null
   * @return the reader, never null; its {@code read()} throws as {@link HibernateEntityReader#read()}
   * @throws SchemaSourceException ({@link SchemaSourceException.Reason#INPUT}) when the class path holds
   *     a Hibernate autogen does not support (before 6.2) or whose jar cannot be read
   */
  public static SchemaSource reader(EntityModelOptions options, ColumnDefinitionResolver columnDefinitions) {
    Optional<HibernateOnClassPath> application = HibernateOnClassPath.find(options.classpath());
    return application.<SchemaSource>map(h -> new IsolatedEntityReader(options, columnDefinitions, h))
        .orElseGet(() -> new HibernateEntityReader(options, columnDefinitions));
  }

  /**
   * The statements the chosen Hibernate's own schema creation writes for the entities ({@link
   * HibernateEntityReader#hibernateCreateScript()}): the reference the reader follows.
   *
   * @param options what to read, never null
   * @return the statements in execution order, without delimiters, never null
   * @throws SchemaSourceException as {@link #reader}
   */
  public static List<String> hibernateCreateScript(EntityModelOptions options) {
    Optional<HibernateOnClassPath> application = HibernateOnClassPath.find(options.classpath());
    return application.isPresent() ? new IsolatedEntityReader(options, null, application.get()).hibernateCreateScript()
        : new HibernateEntityReader(options).hibernateCreateScript();
  }

  /**
   * @param options what to read, never null
   * @return the Hibernate that reads the entities: the application's ({@link HibernateUsed.Source#APPLICATION})
   *     when its class path holds {@code hibernate-core}, else the bundled one; never null
   * @throws SchemaSourceException as {@link #reader}
   */
  public static HibernateUsed hibernateUsed(EntityModelOptions options) {
    return HibernateOnClassPath.find(options.classpath())
        .map(h -> new HibernateUsed(h.version(), HibernateUsed.Source.APPLICATION))
        .orElseGet(HibernateEntityReader::hibernateUsed);
  }

  /**
   * @param options what to read, never null
   * @return the Hibernate that reads the entities, e.g. {@code 6.6.13.Final (application)} or {@code
   *     7.4.6.Final (bundled)}, never null
   * @throws SchemaSourceException as {@link #reader}
   */
  public static String hibernateVersion(EntityModelOptions options) {
    return HibernateOnClassPath.find(options.classpath()).map(h -> h.version() + " (application)")
        .orElseGet(() -> Version.getVersionString() + " (bundled)");
  }
}
