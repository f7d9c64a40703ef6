package dev.autogen.cli.library;

import java.util.List;

/**
 * A library that creates and uses tables of its own in the application's database, with how to tell it
 * is on the class path and what its tables are called. The names are those of each library's own
 * PostgreSQL script, as it ships it; the library builds its SQL from a configurable prefix (or name)
 * followed by these suffixes, unquoted, so PostgreSQL folds them to lower case.
 *
 * @param library the library as a reader knows it, e.g. {@code Spring Integration}
 * @param markers classes only that library's JDBC support has, any of which on the class path means it is
 *     there (resource names, e.g. {@code org/quartz/impl/jdbcjobstore/JobStoreSupport.class})
 * @param property the Spring Boot property that sets the prefix (or the name), or null where Spring Boot
 *     has none (the application then sets it in code, which autogen cannot read)
 * @param defaultPrefix the library's default prefix (or name)
 * @param suffixes what follows the prefix in each table's and sequence's name
 */
public record JdbcLibrary(String library, List<String> markers, String property, String defaultPrefix,
    List<String> suffixes) {

  /** @throws NullPointerException when a component but property is null */
  public JdbcLibrary {
    markers = List.copyOf(markers);
    suffixes = List.copyOf(suffixes);
    java.util.Objects.requireNonNull(library, "library");
    java.util.Objects.requireNonNull(defaultPrefix, "defaultPrefix");
  }

  /**
   * Spring Integration JDBC's lock registry and message stores: {@code
   * org/springframework/integration/jdbc/schema-postgresql.sql} in spring-integration-jdbc (6.x) creates
   * {@code INT_MESSAGE}, {@code INT_GROUP_TO_MESSAGE}, {@code INT_MESSAGE_GROUP}, {@code INT_LOCK}, the
   * sequence {@code INT_MESSAGE_SEQ}, {@code INT_CHANNEL_MESSAGE} and {@code INT_METADATA_STORE}. The prefix
   * ({@code DefaultLockRepository.DEFAULT_TABLE_PREFIX}, {@code JdbcMessageStore.DEFAULT_TABLE_PREFIX},
   * {@code "INT_"}) is set in code ({@code setPrefix}, {@code setTablePrefix}); Spring Boot has no property
   * for it.
   */
  public static final JdbcLibrary SPRING_INTEGRATION = new JdbcLibrary("Spring Integration",
      List.of(resource("org.springframework.integration.jdbc.lock.DefaultLockRepository"),
          resource("org.springframework.integration.jdbc.store.JdbcMessageStore")),
      null, "INT_", List.of("MESSAGE", "GROUP_TO_MESSAGE", "MESSAGE_GROUP", "LOCK", "MESSAGE_SEQ", "CHANNEL_MESSAGE",
          "METADATA_STORE"));

  /**
   * Spring Batch's job repository: {@code org/springframework/batch/core/schema-postgresql.sql} in
   * spring-batch-core (5.x) creates {@code BATCH_JOB_INSTANCE}, {@code BATCH_JOB_EXECUTION}, {@code
   * BATCH_JOB_EXECUTION_PARAMS}, {@code BATCH_STEP_EXECUTION}, {@code BATCH_STEP_EXECUTION_CONTEXT}, {@code
   * BATCH_JOB_EXECUTION_CONTEXT} and the sequences {@code BATCH_STEP_EXECUTION_SEQ}, {@code
   * BATCH_JOB_EXECUTION_SEQ}, {@code BATCH_JOB_SEQ} (named {@code BATCH_JOB_INSTANCE_SEQ} from 6.0); the prefix ({@code
   * AbstractJdbcBatchMetadataDao.DEFAULT_TABLE_PREFIX}, {@code "BATCH_"}) is Spring Boot's {@code
   * spring.batch.jdbc.table-prefix}. Its JDBC DAO is {@code JdbcJobInstanceDao} (package {@code
   * ...repository.dao} up to 5.x, {@code ...repository.dao.jdbc} from 6.0).
   */
  public static final JdbcLibrary SPRING_BATCH = new JdbcLibrary("Spring Batch",
      List.of(resource("org.springframework.batch.core.repository.dao.JdbcJobInstanceDao"),
          resource("org.springframework.batch.core.repository.dao.jdbc.JdbcJobInstanceDao")),
      "spring.batch.jdbc.table-prefix", "BATCH_", List.of("JOB_INSTANCE", "JOB_EXECUTION", "JOB_EXECUTION_PARAMS",
          "STEP_EXECUTION", "STEP_EXECUTION_CONTEXT", "JOB_EXECUTION_CONTEXT", "STEP_EXECUTION_SEQ",
          "JOB_EXECUTION_SEQ", "JOB_SEQ", "JOB_INSTANCE_SEQ"));

  /**
   * Spring Session JDBC: {@code org/springframework/session/jdbc/schema-postgresql.sql} in
   * spring-session-jdbc creates {@code SPRING_SESSION} and {@code SPRING_SESSION_ATTRIBUTES}; the name
   * ({@code JdbcIndexedSessionRepository.DEFAULT_TABLE_NAME}, {@code "SPRING_SESSION"}) is Spring Boot's
   * {@code spring.session.jdbc.table-name}, and the attributes table is that name followed by {@code
   * _ATTRIBUTES}. Its repository was {@code JdbcOperationsSessionRepository} before 2.2.
   */
  public static final JdbcLibrary SPRING_SESSION = new JdbcLibrary("Spring Session",
      List.of(resource("org.springframework.session.jdbc.JdbcIndexedSessionRepository"),
          resource("org.springframework.session.jdbc.JdbcOperationsSessionRepository")),
      "spring.session.jdbc.table-name", "SPRING_SESSION", List.of("", "_ATTRIBUTES"));

  /**
   * Quartz's JDBC job store: {@code org/quartz/impl/jdbcjobstore/tables_postgres.sql} in quartz (2.x)
   * creates {@code QRTZ_JOB_DETAILS}, {@code QRTZ_TRIGGERS}, {@code QRTZ_SIMPLE_TRIGGERS}, {@code
   * QRTZ_CRON_TRIGGERS}, {@code QRTZ_SIMPROP_TRIGGERS}, {@code QRTZ_BLOB_TRIGGERS}, {@code QRTZ_CALENDARS},
   * {@code QRTZ_PAUSED_TRIGGER_GRPS}, {@code QRTZ_FIRED_TRIGGERS}, {@code QRTZ_SCHEDULER_STATE} and {@code
   * QRTZ_LOCKS}; the prefix ({@code Constants.DEFAULT_TABLE_PREFIX}, {@code "QRTZ_"}) is Quartz's {@code
   * org.quartz.jobStore.tablePrefix}, which Spring Boot passes from {@code spring.quartz.properties.*}.
   */
  public static final JdbcLibrary QUARTZ = new JdbcLibrary("Quartz",
      List.of(resource("org.quartz.impl.jdbcjobstore.JobStoreSupport")),
      "spring.quartz.properties.org.quartz.jobStore.tablePrefix", "QRTZ_", List.of("JOB_DETAILS", "TRIGGERS",
          "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "SIMPROP_TRIGGERS", "BLOB_TRIGGERS", "CALENDARS", "PAUSED_TRIGGER_GRPS",
          "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS"));

  /**
   * ShedLock's JDBC lock providers: its README's PostgreSQL script creates {@code shedlock}, the default
   * table name of {@code JdbcTemplateLockProvider} and {@code JdbcLockProvider} ({@code
   * withTableName(...)} changes it in code; Spring Boot has no property for it).
   */
  public static final JdbcLibrary SHEDLOCK = new JdbcLibrary("ShedLock",
      List.of(resource("net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider"),
          resource("net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider")),
      null, "shedlock", List.of(""));

  /** @return every library autogen knows, in the order reports list them */
  public static List<JdbcLibrary> known() {
    return List.of(SPRING_INTEGRATION, SPRING_BATCH, SPRING_SESSION, QUARTZ, SHEDLOCK);
  }

  private static String resource(String className) {
    return className.replace('.', '/') + ".class";
  }
}
