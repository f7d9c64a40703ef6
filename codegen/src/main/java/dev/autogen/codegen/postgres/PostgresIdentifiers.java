package dev.autogen.codegen.postgres;

import dev.autogen.model.QualifiedName;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes PostgreSQL identifiers (PostgreSQL "4.1.1. Identifiers and Key Words"): a name is left bare
 * only when PostgreSQL would read it back unchanged, otherwise it is double-quoted with embedded
 * double quotes doubled. The rule is the one of PostgreSQL's {@code quote_ident()}.
 */
public final class PostgresIdentifiers {

  /** What an unquoted identifier folds to unchanged: lower-case ASCII letters, digits, underscores. */
  private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_]*");

  private PostgresIdentifiers() {}

  /**
   * Quotes an identifier where needed.
   *
   * @param identifier a name exactly as the catalog stores it, never null
   * @return the name bare when it matches {@code [a-z_][a-z0-9_]*} and is not a key word that needs
   *     quoting ({@link PostgresKeywords}); otherwise in double quotes, embedded {@code "} doubled,
   *     e.g. {@code "Order"}, {@code "user"}, {@code "we""ird"}
   * @throws NullPointerException when identifier is null
   */
  public static String quote(String identifier) {
    Objects.requireNonNull(identifier, "identifier");
    if (BARE.matcher(identifier).matches() && !PostgresKeywords.requiresQuoting(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
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
