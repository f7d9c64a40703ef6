package dev.autogen.metadata.postgres;

import dev.autogen.model.EnumType;
import dev.autogen.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;

/**
 * The PostgreSQL enum types that {@code @Enumerated(EnumType.STRING)} columns name in their {@code
 * columnDefinition} (e.g. {@code @Column(columnDefinition = "order_state")}). Hibernate writes the type
 * name into its DDL but never creates the type, so its own script fails on a database without it;
 * the entities still say that the column holds the Java enum's constant names in a type of that name,
 * which is what the model declares: an {@link EnumType} whose labels are the constants in declaration
 * order. Only unqualified, non-array user types count; the type lives in the default schema.
 */
final class DeclaredEnumTypes {

  private DeclaredEnumTypes() {}

  /**
   * @param metadata the mapping
   * @param definitions the meanings of its column definitions
   * @return the declared enum types, sorted by name, one per name (the first column's constants win)
   */
  static List<EnumType> of(Metadata metadata, ColumnDefinitionMeanings definitions) {
    Map<String, EnumType> types = new TreeMap<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (org.hibernate.mapping.Table table : namespace.getTables()) {
        for (Column column : table.getColumns()) {
          String definition = ColumnDefinitionMeanings.definition(column);
          Class<?> enumClass = definition == null ? null : stringEnum(column);
          if (enumClass != null) {
            SqlType type = definitions.meaning(definition).type();
            if (!type.isBuiltin() && type.arrayDimensions() == 0 && !type.name().contains(".")) {
              types.putIfAbsent(type.name(), new EnumType(type.name(), labels(enumClass)));
            }
          }
        }
      }
    }
    return new ArrayList<>(types.values());
  }

  /** @return the Java enum a column maps by name ({@code EnumType.STRING}), or null */
  private static Class<?> stringEnum(Column column) {
    if (!(column.getValue() instanceof BasicValue value)
        || value.getEnumerationStyle() != jakarta.persistence.EnumType.STRING) {
      return null;
    }
    Class<?> type = value.resolve().getDomainJavaType().getJavaTypeClass();
    return type.isEnum() ? type : null;
  }

  private static List<String> labels(Class<?> enumClass) {
    List<String> labels = new ArrayList<>();
    for (Object constant : enumClass.getEnumConstants()) {
      labels.add(((Enum<?>) constant).name());
    }
    return labels;
  }
}
