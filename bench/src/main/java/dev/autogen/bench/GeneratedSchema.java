package dev.autogen.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A schema of N tables in two forms that mean the same but for the injected {@link Drift}: JPA entity
 * sources and hand-written PostgreSQL DDL. Each table {@code tNNNNN} has 9 columns (a bigint key,
 * three varchars, integer, boolean, date, numeric and a foreign key to the previous table, so the
 * tables form one N-deep chain), a unique constraint and an index, the shape issue 3 measures.
 *
 * @param tables how many tables, at least 1
 * @param packageName the Java package of the entities
 */
public record GeneratedSchema(int tables, String packageName) {

  /** The package generated entities go into unless told otherwise. */
  public static final String DEFAULT_PACKAGE = "bench.entities";

  /** @throws IllegalArgumentException when tables is below 1 */
  public GeneratedSchema {
    if (tables < 1) {
      throw new IllegalArgumentException("at least one table, not " + tables);
    }
  }

  /**
   * @param table a table number, from 0
   * @return its name, e.g. {@code t00042}
   */
  public static String tableName(int table) {
    return String.format(Locale.ROOT, "t%05d", table);
  }

  private static String className(int table) {
    return String.format(Locale.ROOT, "T%05d", table);
  }

  /** @return the drifted tables and the change kind each must show, in table order */
  public Map<String, String> expectedDrift() {
    Map<String, String> expected = new LinkedHashMap<>();
    IntStream.range(0, tables).filter(i -> Drift.of(i) != null)
        .forEach(i -> expected.put(tableName(i), Drift.of(i).kind()));
    return expected;
  }

  /** @return the fully qualified class name to Java source of every entity */
  public Map<String, String> entitySources() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < tables; i++) {
      sources.put(packageName + "." + className(i), entitySource(i));
    }
    return sources;
  }

  private String entitySource(int i) {
    Drift drift = Drift.of(i);
    String table = tableName(i);
    String parent = className(Math.max(i - 1, 0));
    int nameLength = drift == Drift.WIDENED_COLUMN ? 100 : 80;
    String extra = drift == Drift.ADDED_COLUMN
        ? "  @Column(name = \"extra\", length = 20) private String extra;\n" : "";
    return "package " + packageName + ";\n\n"
        + "import jakarta.persistence.*;\n"
        + "import java.math.BigDecimal;\n"
        + "import java.time.LocalDate;\n\n"
        + "@Entity\n"
        + "@Table(name = \"" + table + "\",\n"
        + "    uniqueConstraints = @UniqueConstraint(name = \"uk_" + table + "_code\", columnNames = \"code\"),\n"
        + "    indexes = @Index(name = \"ix_" + table + "_name\", columnList = \"name\"))\n"
        + "public class " + className(i) + " {\n"
        + "  @Id private Long id;\n"
        + "  @Column(name = \"code\", length = 40, nullable = false) private String code;\n"
        + "  @Column(name = \"name\", length = " + nameLength + ") private String name;\n"
        + "  @Column(name = \"note\", length = 200) private String note;\n"
        + "  @Column(name = \"qty\") private Integer qty;\n"
        + "  @Column(name = \"active\") private Boolean active;\n"
        + "  @Column(name = \"born\") private LocalDate born;\n"
        + "  @Column(name = \"price\", precision = 12, scale = 2) private BigDecimal price;\n"
        + extra
        + "  @ManyToOne @JoinColumn(name = \"parent_id\", foreignKey = @ForeignKey(name = \"fk_" + table + "_parent\"))\n"
        + "  private " + parent + " parent;\n"
        + "}\n";
  }

  /** @return the DDL statements, tables first and foreign keys last, without semicolons */
  public List<String> ddl() {
    List<String> statements = new java.util.ArrayList<>();
    IntStream.range(0, tables).forEach(i -> statements.addAll(tableStatements(i)));
    IntStream.range(0, tables).forEach(i -> statements.add(foreignKey(i)));
    return statements;
  }

  /**
   * @param table a table number, from 0 to {@code tables - 1}
   * @return the statements that create it with its unique constraint and (unless its drift is the
   *     missing index) its index, without semicolons; its foreign key is {@link #foreignKey(int)}
   */
  public List<String> tableStatements(int table) {
    String t = tableName(table);
    List<String> statements = new java.util.ArrayList<>();
    statements.add("create table " + t + " (id bigint not null primary key, code varchar(40) not null,"
        + " name varchar(80), note varchar(200), qty integer, active boolean, born date, price numeric(12,2),"
        + " parent_id bigint)");
    statements.add("alter table " + t + " add constraint uk_" + t + "_code unique (code)");
    if (Drift.of(table) != Drift.MISSING_INDEX) {
      statements.add("create index ix_" + t + "_name on " + t + " (name)");
    }
    return statements;
  }

  /**
   * @param table a table number, from 0 to {@code tables - 1}
   * @return the statement adding its foreign key to the previous table (table 0 refers to itself),
   *     without semicolon; it needs both tables created
   */
  public String foreignKey(int table) {
    String t = tableName(table);
    return "alter table " + t + " add constraint fk_" + t + "_parent foreign key (parent_id) references "
        + tableName(Math.max(table - 1, 0)) + " (id)";
  }
}
