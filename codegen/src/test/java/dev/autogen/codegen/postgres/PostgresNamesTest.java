package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names derived for unnamed constraints and indexes are the ones PostgreSQL itself chooses. */
class PostgresNamesTest {

  /** 58 ASCII characters: long enough that every derived name must be truncated. */
  private static final String LONG = "a_table_name_that_is_long_enough_to_force_truncation_xxxxx";
  /** Multi-byte characters near the truncation point. */
  private static final String ACCENTED = "tâblé_ñame_with_äccents_and_a_long_tail_éééééééééééééééé";

  @Test
  void namesOfUnnamedObjectsMatchTheCatalog() throws SQLException {
    for (String table : List.of("orders", LONG, ACCENTED)) {
      String t = PostgresIdentifiers.quote(table);
      try (TestDatabase db = TestDatabase.create("names")) {
        db.execute("create table parent (a integer, b integer, primary key (a, b))");
        db.execute("create table " + t + " (id integer primary key, customer_no integer, region_code integer,"
            + " email text, age integer, status text,"
            + " \"Other Column With A Very Long Name That Goes On And On\" integer,"
            + " unique (email, status), check (age >= 0), check (age < 200 or status = 'x'),"
            + " check (status::text = any (array['a'::varchar, 'b'::varchar])),"
            + " foreign key (customer_no, region_code) references parent (a, b))");
        db.execute("create index on " + t + " (email)");
        db.execute("create index on " + t + " ((lower(email)), age desc)");
        db.execute("create index on " + t + " ((age + 1))");
        db.execute("create index on " + t + " ((status::varchar(10)))");
        db.execute("create unique index on " + t + " (\"Other Column With A Very Long Name That Goes On And On\", id)");

        List<String> expected = new ArrayList<>(List.of(
            PostgresNames.primaryKey(table, new PrimaryKey(null, List.of("id"))),
            PostgresNames.unique(table, new UniqueConstraint(null, List.of("email", "status"))),
            PostgresNames.check(table, new CheckConstraint(null, "age >= 0")),
            PostgresNames.check(table, new CheckConstraint(null, "age < 200 or status = 'x'")),
            PostgresNames.check(table, new CheckConstraint(null, "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))")),
            PostgresNames.foreignKey(table, new ForeignKey(null, List.of("customer_no", "region_code"),
                new QualifiedName("public", "parent"), List.of("a", "b"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)),
            PostgresNames.index(table, new Index(null, List.of("email"), false, null, null)),
            PostgresNames.index(table, new Index(null, List.of("(lower(email))", "age desc"), false, null, null)),
            PostgresNames.index(table, new Index(null, List.of("((age + 1))"), false, null, null)),
            PostgresNames.index(table, new Index(null, List.of("((status)::character varying(10))"), false, null, null)),
            PostgresNames.index(table, new Index(null,
                List.of("Other Column With A Very Long Name That Goes On And On", "id"), true, null, null))));
        try (Connection c = db.connect()) {
          List<String> actual = new ArrayList<>(names(c, table));
          assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
        expected.forEach(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63));
      }
    }
  }

  @Test
  void truncationFollowsMakeObjectName() {
    assertThat(PostgresNames.makeObjectName("customer", null, "pkey")).isEqualTo("customer_pkey");
    assertThat(PostgresNames.makeObjectName("customer", "email", "key")).isEqualTo("customer_email_key");
    String name = PostgresNames.makeObjectName("t".repeat(70), "c".repeat(10), "fkey");
    assertThat(name).isEqualTo("t".repeat(47) + "_" + "c".repeat(10) + "_fkey").hasSize(63);
    // as PostgreSQL 15 names a foreign key of a 63-character column on a 63-character table: on a
    // tie the second name is shortened first
    assertThat(PostgresNames.makeObjectName("t".repeat(63), "c".repeat(63), "fkey"))
        .isEqualTo("t".repeat(29) + "_" + "c".repeat(28) + "_fkey");
    assertThat(PostgresNames.makeObjectName("é".repeat(40), null, "pkey"))
        .isEqualTo("é".repeat(29) + "_pkey");
  }

  @Test
  void indexKeysAreNamedLikePostgresDoes() {
    assertThat(PostgresNames.indexKeyName("email")).isEqualTo("email");
    assertThat(PostgresNames.indexKeyName("email desc")).isEqualTo("email");
    assertThat(PostgresNames.indexKeyName("name text_pattern_ops desc nulls last")).isEqualTo("name");
    assertThat(PostgresNames.indexKeyName("(lower(email)) collate \"C\" nulls first")).isEqualTo("lower");
    assertThat(PostgresNames.indexKeyName("(lower(email))")).isEqualTo("lower");
    assertThat(PostgresNames.indexKeyName("(pg_catalog.lower(email)) desc")).isEqualTo("lower");
    assertThat(PostgresNames.indexKeyName("((email)::text)")).isEqualTo("email");
    assertThat(PostgresNames.indexKeyName("((a + b))")).isEqualTo("expr");
  }

  @Test
  void checkColumnIsTheOnlyColumnReferenced() {
    assertThat(PostgresNames.checkColumn("age >= 0")).isEqualTo("age");
    assertThat(PostgresNames.checkColumn("\"Mixed\" is not null and \"Mixed\" <> 'a b c'")).isEqualTo("Mixed");
    assertThat(PostgresNames.checkColumn("length(name) > 2")).isEqualTo("name");
    assertThat(PostgresNames.checkColumn("created at time zone 'UTC' > now()")).isEqualTo("created");
    assertThat(PostgresNames.checkColumn("a < b")).isNull();
    assertThat(PostgresNames.checkColumn("1 = 1")).isNull();
  }

  private static List<String> names(Connection c, String table) throws SQLException {
    String sql = "select conname from pg_constraint where conrelid = ?::regclass"
        + " union all select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid"
        + " where i.indrelid = ?::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, PostgresIdentifiers.quote(table));
      ps.setString(2, PostgresIdentifiers.quote(table));
      List<String> names = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }
}
