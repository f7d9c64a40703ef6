package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.serializer.ChangeLogSerializer;
import liquibase.serializer.ChangeLogSerializerFactory;

/**
 * Lays out rendered migrations as one Liquibase changelog, written by Liquibase's own serializer of the
 * project's format (XML, YAML or JSON): one changeset per migration of the plan (a plain plan is one; an
 * online plan's expand, online and contract steps are one each), so that {@code liquibase rollback-count
 * 1} undoes exactly the last step. Each changeset holds the step's statements as they were rendered (one
 * {@code sql} change per statement, never split again by Liquibase, so dollar-quoted bodies survive),
 * the reverse statements as its {@code rollback} (last change first, as the Flyway undo file), the
 * hazards as its {@code comment}, and {@code runInTransaction: false} for a step PostgreSQL cannot run
 * inside a transaction. Texts are escaped by the serializer; nothing here writes markup.
 *
 * <p>Ids are stable and unique: {@code <yyyyMMddHHmmss>-<slug>} of the migration's creation time (UTC) and
 * message, with {@code -<n>} for the steps after the first.
 */
public final class LiquibaseChangelogLayout {

  /** The formats Liquibase's serializers write, by file extension. */
  public static final List<String> FORMATS = List.of("xml", "yaml", "yml", "json");

  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private final String format;
  private final String author;

  /**
   * @param format the changelog format, one of {@link #FORMATS}, never null
   * @param author the changesets' author, never null or blank
   * @throws IllegalArgumentException when the format is none of {@link #FORMATS} or the author is blank
   */
  public LiquibaseChangelogLayout(String format, String author) {
    this.format = Objects.requireNonNull(format, "format").toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(this.format)) {
      throw new IllegalArgumentException("Liquibase changelogs are written as " + String.join(", ", FORMATS)
          + ", not " + format);
    }
    this.author = Objects.requireNonNull(author, "author").strip();
    if (this.author.isEmpty()) {
      throw new IllegalArgumentException("a changeset needs an author");
    }
  }

  /**
   * @param migrations the plan's migrations in order (one, or the steps of an online plan), never empty
   * @param filePath the changelog's path as the master includes it (Liquibase records it), never null
   * @return the changelog file's text
   * @throws IllegalArgumentException when there is no migration
   */
  public String changelog(List<FlywayMigration> migrations, String filePath) {
    if (migrations.isEmpty()) {
      throw new IllegalArgumentException("no migration to write");
    }
    List<ChangeSet> changeSets = new ArrayList<>();
    for (int i = 0; i < migrations.size(); i++) {
      changeSets.add(changeSet(migrations.get(i), i, filePath));
    }
    ChangeLogSerializer serializer = ChangeLogSerializerFactory.getInstance().getSerializer(format);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      serializer.write(changeSets, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * @param migration a migration, never null
   * @param index its position in the plan, from 0
   * @return its changeset id
   */
  public static String id(FlywayMigration migration, int index) {
    return baseName(migration) + (index == 0 ? "" : "-" + (index + 1));
  }

  /**
   * @param first the plan's first migration, never null
   * @return the changelog's name without its extension, also the first changeset's id: {@code
   *     <yyyyMMddHHmmss>-<slug>} of its creation time (UTC) and message, e.g. {@code 20261206003916-add-bio}
   */
  public static String baseName(FlywayMigration first) {
    return ID_TIME.format(first.createdAt()) + "-" + first.slug().replace('_', '-');
  }

  private ChangeSet changeSet(FlywayMigration migration, int index, String filePath) {
    ChangeSet changeSet = format.equals("xml")
        ? new ChangeSet(id(migration, index), author, false, false, filePath, null, "postgresql",
            migration.transactional(), null)
        : new MappedChangeSet(id(migration, index), author, filePath, migration.transactional());
    changeSet.setComments(ChangeSetComments.of(migration));
    migration.preamble().forEach(sql -> changeSet.addChange(sql(sql)));
    for (Statement s : migration.statements()) {
      s.sql().forEach(sql -> changeSet.addChange(sql(sql)));
    }
    migration.postamble().forEach(sql -> changeSet.addChange(sql(sql)));
    migration.preamble().forEach(sql -> changeSet.addRollbackChange(sql(sql)));
    for (Statement s : migration.undoOrder()) {
      s.reverseSql().forEach(sql -> changeSet.addRollbackChange(sql(sql)));
    }
    migration.postamble().forEach(sql -> changeSet.addRollbackChange(sql(sql)));
    return changeSet;
  }

  /**
   * A changeset whose rollback Liquibase's YAML and JSON serializers write as their parsers read it: as the
   * list of its changes ({@code rollback: [- sql: ...]}). Liquibase 4.33's {@code YamlSerializer} writes the
   * rollback container as a nested {@code rollback: {rollback: {changes: ...}}}, which its own {@code
   * ChangeSet.handleRollbackNode} rejects as "Unknown change type 'rollback'"; the XML serializer is right.
   */
  private static final class MappedChangeSet extends ChangeSet {
    MappedChangeSet(String id, String author, String filePath, boolean runInTransaction) {
      super(id, author, false, false, filePath, null, "postgresql", runInTransaction, null);
    }

    @Override
    public Object getSerializableFieldValue(String field) {
      return "rollback".equals(field) ? getRollback().getChanges() : super.getSerializableFieldValue(field);
    }
  }

  private static RawSQLChange sql(String statement) {
    RawSQLChange change = new RawSQLChange(statement);
    change.setSplitStatements(false);
    change.setStripComments(false);
    return change;
  }
}
