package dev.autogen.codegen.liquibase;

import dev.autogen.codegen.Statement;
import dev.autogen.codegen.flyway.FlywayMigration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.autogen.codegen.postgres.PostgresExistenceChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.parser.core.ParsedNode;
import liquibase.resource.ResourceAccessor;
import liquibase.serializer.ChangeLogSerializer;
import liquibase.serializer.LiquibaseSerializable;
import liquibase.serializer.ChangeLogSerializerFactory;

/**
 * Lays out rendered migrations as one Liquibase changelog, written by Liquibase's own serializer of the
 * project's format (XML, YAML or JSON): one changeset per migration of the plan (a plain plan is one; an
 * online plan's expand, online and contract steps are one each), so that {@code liquibase rollback-count
 * 1} undoes exactly the last step. Each changeset holds the step's statements as they were rendered (one
 * {@code sql} change per statement, never split again by Liquibase, so dollar-quoted bodies survive),
 * the reverse statements as its {@code rollback} (last change first, as the Flyway undo file), the
 * hazards as its {@code comment}, and {@code runInTransaction: false} for a step PostgreSQL cannot run
 * inside a transaction, and the preconditions of an online plan's contract step ({@link DropGuards}). Texts
 * are escaped by the serializer; nothing here writes markup.
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
      changeSets.add(changeSet(migrations.get(i), i, migrations.size(), filePath));
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
   * @param migrations the plan's migrations in order, never null
   * @return the ids of the changesets {@link #changelog} writes, in order: one per migration
   */
  public static List<String> ids(List<FlywayMigration> migrations) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < migrations.size(); i++) {
      ids.add(id(migrations.get(i), i));
    }
    return ids;
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

  private ChangeSet changeSet(FlywayMigration migration, int index, int count, String filePath) {
    ChangeSet changeSet = new SerializedChangeSet(id(migration, index), author, filePath, migration.transactional(),
        !format.equals("xml"), DropGuards.of(migration));
    changeSet.setComments(ChangeSetComments.of(migration, index, count));
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
   * A changeset whose rollback and preconditions Liquibase's serializers write as its parsers read them.
   * Liquibase 4.33's serializers get both wrong:
   *
   * <ul>
   *   <li>YAML and JSON write the rollback container nested ({@code rollback: {rollback: {changes: ...}}}),
   *       which {@code ChangeSet.handleRollbackNode} rejects as "Unknown change type 'rollback'": here it is
   *       the list of its changes;
   *   <li>XML writes {@code preConditions} after {@code comment}, where the XSD refuses it, and without its
   *       nested conditions; YAML and JSON write them under {@code preconditions: preConditions:}, which the
   *       parser ignores. Here they are {@code preConditions} before every other child, holding {@code
   *       onFail}, {@code onFailMessage} and one {@code sqlCheck} per check (Liquibase "preConditions").
   * </ul>
   */
  private static final class SerializedChangeSet extends ChangeSet {
    private static final String PRECONDITIONS = "preConditions";

    private final boolean mapped;
    private final List<PostgresExistenceChecks.Check> guards;

    SerializedChangeSet(String id, String author, String filePath, boolean runInTransaction, boolean mapped,
        List<PostgresExistenceChecks.Check> guards) {
      super(id, author, false, false, filePath, null, "postgresql", runInTransaction, null);
      this.mapped = mapped;
      this.guards = guards;
    }

    @Override
    public Set<String> getSerializableFields() {
      Set<String> fields = new LinkedHashSet<>();
      if (!guards.isEmpty()) {
        fields.add(PRECONDITIONS);
      }
      super.getSerializableFields().stream().filter(f -> !f.equals("preconditions")).forEach(fields::add);
      return fields;
    }

    @Override
    public SerializationType getSerializableFieldType(String field) {
      return PRECONDITIONS.equals(field) ? SerializationType.NESTED_OBJECT : super.getSerializableFieldType(field);
    }

    @Override
    public Object getSerializableFieldValue(String field) {
      if (PRECONDITIONS.equals(field)) {
        return mapped ? preconditionsAsList() : preconditionsAsNode();
      }
      return mapped && "rollback".equals(field) ? getRollback().getChanges() : super.getSerializableFieldValue(field);
    }

    private String onFailMessage() {
      return DropGuards.onFailMessage(guards);
    }

    /** @return the YAML/JSON form: a list of one-entry maps, as the parser reads a {@code preConditions} node */
    private List<Map<String, Object>> preconditionsAsList() {
      List<Map<String, Object>> list = new ArrayList<>();
      list.add(Map.of("onFail", DropGuards.ON_FAIL.name()));
      list.add(Map.of("onFailMessage", onFailMessage()));
      for (PostgresExistenceChecks.Check check : guards) {
        Map<String, Object> sqlCheck = new LinkedHashMap<>();
        sqlCheck.put("expectedResult", DropGuards.EXPECTED);
        sqlCheck.put("sql", check.sql());
        list.add(Map.of("sqlCheck", sqlCheck));
      }
      return list;
    }

    /** @return the XML form: {@code <preConditions onFail=".." onFailMessage=".."><sqlCheck ...>sql</sqlCheck>} */
    private SerializedNode preconditionsAsNode() {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("onFail", DropGuards.ON_FAIL.name());
      attributes.put("onFailMessage", onFailMessage());
      List<SerializedNode> checks = guards.stream().map(c -> new SerializedNode("sqlCheck",
          Map.of("expectedResult", DropGuards.EXPECTED), List.of(), c.sql())).toList();
      return new SerializedNode(PRECONDITIONS, attributes, checks, null);
    }
  }

  /**
   * An XML element for Liquibase's XML serializer: attributes, child elements, then text.
   *
   * @param name the element's name, in Liquibase's changelog namespace
   * @param attributes its attributes, in order
   * @param children its child elements, in order
   * @param text its text, or null
   */
  private record SerializedNode(String name, Map<String, Object> attributes, List<SerializedNode> children, String text)
      implements LiquibaseSerializable {

    private static final String CHILDREN = "children";
    private static final String TEXT = "text";

    @Override
    public String getSerializedObjectName() {
      return name;
    }

    @Override
    public Set<String> getSerializableFields() {
      Set<String> fields = new LinkedHashSet<>(attributes.keySet());
      fields.add(CHILDREN);
      fields.add(TEXT);
      return fields;
    }

    @Override
    public Object getSerializableFieldValue(String field) {
      return switch (field) {
        case CHILDREN -> children.isEmpty() ? null : children;
        case TEXT -> text;
        default -> attributes.get(field);
      };
    }

    @Override
    public SerializationType getSerializableFieldType(String field) {
      return TEXT.equals(field) ? SerializationType.DIRECT_VALUE
          : CHILDREN.equals(field) ? SerializationType.NESTED_OBJECT : SerializationType.NAMED_FIELD;
    }

    @Override
    public String getSerializableFieldNamespace(String field) {
      return STANDARD_CHANGELOG_NAMESPACE;
    }

    @Override
    public String getSerializedObjectNamespace() {
      return STANDARD_CHANGELOG_NAMESPACE;
    }

    @Override
    public void load(ParsedNode parsedNode, ResourceAccessor resourceAccessor) {
      throw new UnsupportedOperationException("written only");
    }

    @Override
    public ParsedNode serialize() {
      throw new UnsupportedOperationException("written by the XML serializer only");
    }
  }

  private static RawSQLChange sql(String statement) {
    RawSQLChange change = new RawSQLChange(statement);
    change.setSplitStatements(false);
    change.setStripComments(false);
    return change;
  }
}
