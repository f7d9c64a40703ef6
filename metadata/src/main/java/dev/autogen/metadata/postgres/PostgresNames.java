package dev.autogen.metadata.postgres;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Table;

/**
 * The names PostgreSQL stores for the identifiers Hibernate writes into its DDL. A quoted identifier
 * is stored exactly; an unquoted one is folded to lower case (PostgreSQL "4.1.1. Identifiers and Key
 * Words", {@link PostgresDialect#foldIdentifier(String)}). Unqualified tables and sequences live in
 * the default schema: {@code hibernate.default_schema} when given, else {@code public}.
 */
final class PostgresNames {

  private static final String PUBLIC = "public";

  private final Database database;
  private final String defaultSchema;

  /**
   * @param database Hibernate's relational model; its identifier helper turns names into {@link
   *     Identifier}s exactly as the exporters do
   * @param defaultSchema {@code hibernate.default_schema} as configured, or null
   */
  PostgresNames(Database database, String defaultSchema) {
    this.database = database;
    String configured = stored(database.getJdbcEnvironment().getIdentifierHelper().toIdentifier(defaultSchema));
    this.defaultSchema = configured == null ? PUBLIC : configured;
  }

  /** @return the schema that unqualified names resolve to */
  String defaultSchema() {
    return defaultSchema;
  }

  /**
   * @param identifier a Hibernate identifier, may be null
   * @return the stored name: the text if quoted, else the folded text; null for null
   */
  static String stored(Identifier identifier) {
    if (identifier == null) {
      return null;
    }
    return identifier.isQuoted() ? identifier.getText() : fold(identifier.getText());
  }

  /**
   * @param schema a physical schema identifier, may be null
   * @return its stored name, or the default schema when null
   */
  String schema(Identifier schema) {
    String name = stored(schema);
    return name == null ? defaultSchema : name;
  }

  /**
   * @param table a Hibernate table
   * @return its schema-qualified stored name
   */
  QualifiedName table(Table table) {
    return new QualifiedName(schema(table.getSchemaIdentifier()), stored(table.getNameIdentifier()));
  }

  /**
   * @param column a Hibernate column; {@link Column#getQuotedName(org.hibernate.dialect.Dialect)} is what
   *     the DDL writes
   * @return its stored name
   */
  static String column(Column column) {
    return column.isQuoted() ? column.getName() : fold(column.getName());
  }

  /**
   * For names the exporters pass through the identifier helper and render (foreign key names).
   *
   * @param name a name as the mapping holds it, e.g. {@code FKabc} or {@code `Mixed`}
   * @return its stored name
   */
  String viaIdentifierHelper(String name) {
    return stored(database.getJdbcEnvironment().getIdentifierHelper().toIdentifier(name));
  }

  /**
   * For names the exporters write into the SQL text as they are (index, unique key and check
   * constraint names): a name in double quotes keeps its text, anything else is folded.
   *
   * @param name the name as written, may be null
   * @return its stored name, or null
   */
  static String writtenAsIs(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return fold(name);
  }

  private static String fold(String name) {
    return PostgresDialect.INSTANCE.foldIdentifier(name);
  }
}
