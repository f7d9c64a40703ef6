package dev.autogen.metadata.postgres;

import dev.autogen.model.Catalog;
import dev.autogen.model.ColumnDefinitionResolver;
import dev.autogen.model.EnumType;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.QualifiedSequenceName;

/**
 * Hibernate's relational model ({@code Metadata.getDatabase()}) as the catalog that Hibernate's own
 * schema export ({@code SchemaCreatorImpl}) creates on PostgreSQL: per namespace, the sequences ({@code
 * StandardSequenceExporter}), the physical tables that are not views ({@code StandardTableExporter}),
 * their indexes ({@code StandardIndexExporter}), unique keys ({@code CreateTableUniqueDelegate}) and
 * foreign keys ({@code StandardForeignKeyExporter}), the enum types of named-enum columns ({@link
 * NamedEnumTypes}) and those that enum columns name in their {@code columnDefinition} ({@link
 * DeclaredEnumTypes}). Views ({@code @View}) and {@code @Subselect} entities are left out: the model
 * leaves views to the database ({@link dev.autogen.model.View}).
 * Names are those PostgreSQL stores ({@link PostgresNames}); tables, sequences and constraints are
 * sorted by name.
 *
 * <p>The metadata must have been built with {@code org.hibernate.dialect.PostgreSQLDialect}.
 */
public final class PostgresCatalogTranslator {

  private final Metadata metadata;
  private final PostgresNames names;
  private final ColumnDefinitionResolver columnDefinitions;

  /**
   * @param metadata Hibernate's boot metadata, built for PostgreSQL; never null
   * @param defaultSchema the {@code hibernate.default_schema} the metadata was built with, or null
   *     when none (unqualified tables then live in {@code public})
   */
  public PostgresCatalogTranslator(Metadata metadata, String defaultSchema) {
    this(metadata, defaultSchema, null);
  }

  /**
   * @param metadata Hibernate's boot metadata, built for PostgreSQL; never null
   * @param defaultSchema the {@code hibernate.default_schema} the metadata was built with, or null
   *     when none (unqualified tables then live in {@code public})
   * @param columnDefinitions resolves the mapping's {@code columnDefinition}s (all in one call, when
   *     {@link #translate()} runs), or null to take only their leading type names ({@link
   *     ColumnDefinitionMeanings})
   */
  public PostgresCatalogTranslator(Metadata metadata, String defaultSchema, ColumnDefinitionResolver columnDefinitions) {
    this.metadata = metadata;
    this.names = new PostgresNames(metadata.getDatabase(), defaultSchema);
    this.columnDefinitions = columnDefinitions;
  }

  /**
   * @return the catalog, never null; one schema per distinct schema name, empty schemas left out
   * @throws org.hibernate.MappingException when Hibernate cannot resolve a column type
   * @throws dev.autogen.model.SchemaSourceException whatever the column definition resolver throws
   */
  public Catalog translate() {
    ColumnDefinitionMeanings definitions = ColumnDefinitionMeanings.of(metadata, columnDefinitions);
    TableTranslator tables = new TableTranslator(metadata, names, definitions);
    Map<String, Parts> schemas = new TreeMap<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      Parts parts = schemas.computeIfAbsent(names.schema(namespace.getPhysicalName().getSchema()), n -> new Parts());
      for (org.hibernate.mapping.Table table : namespace.getTables()) {
        if (table.isPhysicalTable() && !HibernateApi.isView(table)) {
          parts.tables.add(tables.translate(table));
        }
      }
      for (org.hibernate.boot.model.relational.Sequence sequence : namespace.getSequences()) {
        parts.sequences.add(sequence(sequence));
      }
    }
    List<EnumType> enums = new ArrayList<>(NamedEnumTypes.of(metadata.getDatabase()));
    for (EnumType declared : DeclaredEnumTypes.of(metadata, definitions)) {
      if (enums.stream().noneMatch(e -> e.name().equals(declared.name()))) {
        enums.add(declared);
      }
    }
    for (EnumType type : enums) {
      schemas.computeIfAbsent(names.defaultSchema(), n -> new Parts()).enums.add(type);
    }
    List<Schema> result = new ArrayList<>();
    schemas.forEach((name, parts) -> {
      if (!parts.isEmpty()) {
        result.add(parts.toSchema(name));
      }
    });
    return new Catalog(result);
  }

  /** {@code StandardSequenceExporter}: {@code create sequence <name> start with <initial> increment by <size>}. */
  private static Sequence sequence(org.hibernate.boot.model.relational.Sequence sequence) {
    QualifiedSequenceName name = sequence.getName();
    return new Sequence(PostgresNames.stored(name.getSequenceName()), sequence.getInitialValue(),
        sequence.getIncrementSize());
  }

  /** The objects collected for one schema. */
  private static final class Parts {
    final List<Table> tables = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();
    final List<EnumType> enums = new ArrayList<>();

    boolean isEmpty() {
      return tables.isEmpty() && sequences.isEmpty() && enums.isEmpty();
    }

    Schema toSchema(String name) {
      tables.sort(Comparator.comparing(Table::name));
      sequences.sort(Comparator.comparing(Sequence::name));
      enums.sort(Comparator.comparing(EnumType::name));
      return new Schema(name, tables, sequences, enums);
    }
  }
}
