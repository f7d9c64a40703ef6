package dev.autogen.introspect.postgres;

/**
 * Recovers a schema name from the spelling SchemaCrawler hands to its schema inclusion rule: the name
 * as stored when it needs no quotes ({@code app}), else in double quotes ({@code "MySchema"}).
 * SchemaCrawler 16.27 does not double an embedded quote inside the quotes ({@code "Odd"Schema"});
 * PostgreSQL's own rule ("4.1.1. Identifiers and Key Words") would, so both readings are offered.
 */
final class QuotedName {

  private QuotedName() {}

  /**
   * @param spelling one identifier as SchemaCrawler spells it, never null
   * @param name a name exactly as the catalog stores it, never null
   * @return whether the spelling denotes that name
   */
  static boolean denotes(String spelling, String name) {
    if (spelling.equals(name)) {
      return true;
    }
    if (spelling.length() < 2 || !spelling.startsWith("\"") || !spelling.endsWith("\"")) {
      return false;
    }
    String inner = spelling.substring(1, spelling.length() - 1);
    return inner.equals(name) || inner.replace("\"\"", "\"").equals(name);
  }
}
