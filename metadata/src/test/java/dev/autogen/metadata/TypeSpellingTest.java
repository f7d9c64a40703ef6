package dev.autogen.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The type spellings Hibernate 7.4 writes for PostgreSQL, per Java type, and that {@link SqlType#parse}
 * canonicalises each of them (the cross-check proves PostgreSQL stores the same types). Also: an
 * auto-applied converter and a package-level generator are found by the class scan.
 */
class TypeSpellingTest {

  private static Catalog catalog;

  @BeforeAll
  static void read() {
    catalog = new HibernateEntityReader(TestEntities.options(TestEntities.TYPES, null, null)).read();
  }

  @Test
  void hibernateSpellsEachJavaTypeAsExpected() {
    Table table = catalog.table(new QualifiedName("public", "everytype")).orElseThrow();
    Map<String, String> raw = new TreeMap<>();
    table.columns().forEach(c -> raw.put(c.name(), c.type().raw()));
    assertThat(raw).containsAllEntriesOf(Map.ofEntries(
        Map.entry("primitiveboolean", "boolean"), Map.entry("primitivebyte", "smallint"),
        Map.entry("primitiveshort", "smallint"), Map.entry("primitiveint", "integer"),
        Map.entry("primitivelong", "bigint"), Map.entry("primitivefloat", "float4"),
        Map.entry("primitivedouble", "float(53)"), Map.entry("primitivechar", "char(1)"),
        Map.entry("plainstring", "varchar(255)"), Map.entry("shortstring", "varchar(10)"),
        Map.entry("longstring", "varchar(20000)"), Map.entry("lobstring", "oid"), Map.entry("longvarchar", "text"),
        Map.entry("plaindecimal", "numeric(38,2)"), Map.entry("precisedecimal", "numeric(12,4)"),
        Map.entry("biginteger", "numeric(38,0)"), Map.entry("localdate", "date"),
        Map.entry("wallclocktime", "time(0)"), Map.entry("offsettime", "time(0)"),
        Map.entry("localdatetime", "timestamp(6)"), Map.entry("legacydate", "timestamp(6)"),
        Map.entry("offsetdatetime", "timestamp(6) with time zone"), Map.entry("instant", "timestamp(6) with time zone"),
        Map.entry("zoneddatetime", "timestamp(6) with time zone"), Map.entry("duration", "numeric(21,0)"),
        Map.entry("year", "integer"), Map.entry("id", "uuid"), Map.entry("bytes", "bytea"), Map.entry("lobbytes", "oid"),
        Map.entry("chars", "varchar(255)"), Map.entry("json", "jsonb"), Map.entry("stringarray", "varchar(255) array"),
        Map.entry("intarray", "integer array"), Map.entry("longlist", "bigint array"), Map.entry("inetaddress", "inet"),
        Map.entry("currency", "varchar(3)"), Map.entry("xml", "xml")));
  }

  @Test
  void sqlTypeParseCanonicalisesHibernatesSpellings() {
    Table table = catalog.table(new QualifiedName("public", "everytype")).orElseThrow();
    assertThat(table.columns()).extracting(Column::type).allMatch(SqlType::isBuiltin);
    assertThat(type(table, "primitivedouble")).isEqualTo(new SqlType("double precision", null, null, null, 0, null));
    assertThat(type(table, "primitivefloat")).isEqualTo(new SqlType("real", null, null, null, 0, null));
    assertThat(type(table, "offsetdatetime")).isEqualTo(new SqlType("timestamp with time zone", null, 6, null, 0, null));
    assertThat(type(table, "wallclocktime")).isEqualTo(new SqlType("time", null, 0, null, 0, null));
    assertThat(type(table, "stringarray")).isEqualTo(new SqlType("varchar", 255, null, null, 1, null));
    assertThat(type(table, "plaindecimal")).isEqualTo(new SqlType("numeric", null, 38, 2, 0, null));
  }

  @Test
  void converterAndPackageLevelGeneratorAreFound() {
    Table counter = catalog.table(new QualifiedName("public", "counter")).orElseThrow();
    assertThat(type(counter, "balance")).isEqualTo(SqlType.parse("bigint"));
    assertThat(catalog.schema("public").orElseThrow().sequences()).containsExactly(new Sequence("counter_seq", 100, 10));
  }

  private static SqlType type(Table table, String column) {
    return table.column(column).orElseThrow().type();
  }
}
