package dev.autogen.metadata.postgres;

import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.ColumnDefinitionResolver.ResolvedColumnDefinition;
import dev.autogen.model.SqlType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.Column;

/**
 * What the {@code columnDefinition}s of a mapping mean. Hibernate writes a column's definition verbatim
 * where it would write the type ({@code Column.getSqlType()}, set by {@code @Column(columnDefinition =
 * ...)}), then appends what the mapping adds ({@code ColumnDefinitions.appendColumnDefinition}): {@code
 * collate}, {@code default}, {@code generated always as}, {@code not null}, then {@code unique} and
 * {@code check} ({@code appendConstraints}). Definitions are never compared as text:
 * <ul>
 *   <li>with a {@link ColumnDefinitionResolver}, every distinct definition of the mapping is resolved
 *       in one call, by a database;
 *   <li>without one, a definition means only its leading type name (the text before the first
 *       constraint keyword: {@code default}, {@code not}, {@code null}, {@code check}, {@code unique},
 *       {@code primary}, {@code references}, {@code generated}, {@code collate}, {@code constraint}),
 *       parsed by {@link SqlType#parse(String)}; constraints written inside the definition are then not
 *       seen, and nothing is reported about them.
 * </ul>
 */
final class ColumnDefinitionMeanings {

  private static final Set<String> CONSTRAINT_KEYWORDS = Set.of(
      "default", "not", "null", "check", "unique", "primary", "references", "generated", "collate", "constraint");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_]+");

  private final Map<String, ResolvedColumnDefinition> resolved;

  private ColumnDefinitionMeanings(Map<String, ResolvedColumnDefinition> resolved) {
    this.resolved = resolved;
  }

  /**
   * @param metadata the mapping; every physical table's columns are looked at
   * @param resolver resolves the definitions, or null for the leading type name only
   * @return the meanings of the mapping's column definitions
   * @throws dev.autogen.model.SchemaSourceException whatever the resolver throws
   */
  static ColumnDefinitionMeanings of(Metadata metadata, ColumnDefinitionResolver resolver) {
    if (resolver == null) {
      return new ColumnDefinitionMeanings(Map.of());
    }
    Set<String> definitions = new TreeSet<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (org.hibernate.mapping.Table table : namespace.getTables()) {
        for (Column column : table.getColumns()) {
          if (definition(column) != null) {
            definitions.add(definition(column));
          }
        }
      }
    }
    return new ColumnDefinitionMeanings(definitions.isEmpty() ? Map.of() : Map.copyOf(resolver.resolve(definitions)));
  }

  /**
   * @param column a Hibernate column
   * @return its {@code columnDefinition}, or null when it has none (its type comes from the mapping)
   */
  static String definition(Column column) {
    String definition = column.getSqlType();
    return definition == null || definition.isBlank() ? null : definition;
  }

  /**
   * @param definition a definition of the mapping, never null
   * @return what it means: the resolver's answer, or only the type of its leading type name
   */
  ResolvedColumnDefinition meaning(String definition) {
    ResolvedColumnDefinition answer = resolved.get(definition);
    if (answer != null) {
      return answer;
    }
    return new ResolvedColumnDefinition(ColumnTranslator.type(typePart(definition)), false, null, null, null, null);
  }

  /** The text before the first constraint keyword outside parentheses and quotes. */
  static String typePart(String definition) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < definition.length(); i++) {
      char c = definition.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordPart(definition.charAt(i - 1)))) {
        var m = WORD.matcher(definition).region(i, definition.length());
        if (i > 0 && m.lookingAt() && CONSTRAINT_KEYWORDS.contains(m.group().toLowerCase(Locale.ROOT))) {
          return definition.substring(0, i).trim();
        }
      }
    }
    return definition.trim();
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
