package dev.autogen.bench.peer;

import dev.autogen.bench.Subject;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

/**
 * Hibernate ORM's own schema migrator as a command: the Hibernate row of the benchmark. It reads the
 * live database through JDBC metadata and writes, as a script, the statements that {@code
 * hibernate.hbm2ddl.auto=update} would run; the database is never changed.
 *
 * <p>This is what JPA's {@code Persistence.generateSchema} does in Hibernate ({@code
 * EntityManagerFactoryBuilderImpl.generateSchema}): build the boot {@link Metadata}, then hand it to
 * {@link SchemaManagementToolCoordinator#process} with the script action {@code update} ({@code
 * Action.UPDATE}, which Hibernate accepts in {@value SchemaToolingSettings#JAKARTA_HBM2DDL_SCRIPTS_ACTION})
 * and a {@link java.io.Writer} as {@value SchemaToolingSettings#JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET}
 * (the coordinator's {@code MigrateSettingSelector} reuses the create target for updates). No session
 * factory is built. The dialect is detected from the connection, as an application's would be. By
 * design Hibernate's update only adds (tables, columns, indexes, keys): it never drops anything or
 * changes a type or a nullability.
 *
 * <p>Usage: {@code java -cp bench/target/autogen-bench.jar dev.autogen.bench.peer.HibernateSchemaUpdate
 * OPTIONS}, with the {@link Subject} options (those of {@code autogen check}). Standard output gets the
 * statements, one a line, each ending in {@code ;}, and nothing else (Hibernate logs to standard
 * error). A failure propagates as an uncaught exception: exit code 1, the stack trace on standard
 * error.
 */
public final class HibernateSchemaUpdate {

  private HibernateSchemaUpdate() {}

  /**
   * @param args see the class comment
   * @throws Exception when the classes cannot be read, Hibernate rejects the mapping or the database
   *     cannot be reached
   */
  public static void main(String[] args) throws Exception {
    Subject subject = Subject.parse(args);
    PrintWriter script = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {subject.classes().toUri().toURL()},
        HibernateSchemaUpdate.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(loader);
      Map<String, Object> settings = new HashMap<>();
      settings.put(JdbcSettings.JAKARTA_JDBC_URL, subject.url());
      settings.put(JdbcSettings.JAKARTA_JDBC_USER, subject.user());
      if (subject.password() != null) {
        settings.put(JdbcSettings.JAKARTA_JDBC_PASSWORD, subject.password());
      }
      settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "update");
      settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script);
      settings.put(SchemaToolingSettings.HBM2DDL_DELIMITER, ";");
      StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
          new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build()).applySettings(settings).build();
      try {
        MetadataSources sources = new MetadataSources(registry);
        EntityClasses.scan(subject.classes(), subject.packages(), loader).forEach(sources::addAnnotatedClass);
        Metadata metadata = sources.buildMetadata();
        SchemaManagementToolCoordinator.process(metadata, registry,
            registry.requireService(ConfigurationService.class).getSettings(),
            DelayedDropRegistryNotAvailableImpl.INSTANCE);
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
    script.flush();
  }
}
