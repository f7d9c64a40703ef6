package dev.autogen.codegen.postgres;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes PostgreSQL identifiers, single, schema-qualified or as a list. Each name is spelled by the
 * model's {@link dev.autogen.model.postgres.PostgresIdentifiers#quote(String)}, the one
 * implementation of PostgreSQL's {@code quote_ident()} rule (PostgreSQL "4.1.1. Identifiers and Key
 * Words"), which the expression printer of the model uses too.
 */
public final class PostgresIdentifiers {

  private PostgresIdentifiers() {}

  /**
   * Quotes an identifier where needed.
   *
   * @param identifier a name exactly as the catalog stores it, never null
   * @return as {@link dev.autogen.model.postgres.PostgresIdentifiers#quote(String)}: the name bare
   *     when PostgreSQL reads it back unchanged and it is not a key word, otherwise in double quotes
   *     with embedded {@code "} doubled, e.g. {@code customer}, {@code "Order"}, {@code "user"},
   *     {@code "we""ird"}
   * @throws NullPointerException when identifier is null
   */
  public static String quote(String identifier) {
    return dev.autogen.model.postgres.PostgresIdentifiers.quote(identifier);
  }

  /**
   * Writes a schema-qualified name. The schema is left out when it is PostgreSQL's default schema
   * ({@link PostgresDialect#defaultSchema()}, {@code public}), which the default {@code
   * search_path} resolves.
   *
   * @param name the object's name, never null
   * @return e.g. {@code customer}, {@code app.customer}, {@code "Mixed"."Order"}
   */
  public static String qualified(QualifiedName name) {
    return qualified(name.schema(), name.name());
  }

  /**
   * @param schema the schema, never null
   * @param name the object name in that schema, never null
   * @return the name, qualified as {@link #qualified(QualifiedName)} does
   */
  public static String qualified(String schema, String name) {
    if (schema.equals(PostgresDialect.INSTANCE.defaultSchema())) {
      return quote(name);
    }
    return quote(schema) + "." + quote(name);
  }

  /**
   * @param identifiers column names, never null
   * @return the names quoted and joined by {@code ", "}, without parentheses
   */
  public static String list(List<String> identifiers) {
    return identifiers.stream().map(PostgresIdentifiers::quote).collect(Collectors.joining(", "));
  }
}
