package dev.autogen.codegen.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.diff.Change;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Columns that own their sequence ({@code serial}, {@code bigserial}, {@code smallserial}): dropping
 * them drops the sequence, so recreating them (the reverse of a drop, or any create or add) must
 * recreate it, on a real PostgreSQL.
 */
class PostgresOwnedSequenceTest {

  /** Ownership of every sequence owned by a column: name, data type, owning column. */
  private static final String OWNED_SEQUENCES = """
      select s.seqrelid::regclass::text || ' as ' || format_type(s.seqtypid, null)
             || ' owned by ' || d.refobjid::regclass::text || '.' || quote_ident(a.attname)
      from pg_sequence s
      join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.seqrelid
                      and d.refclassid = 'pg_class'::regclass and d.deptype = 'a'
      join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
      order by 1""";

  private final PostgresRenderer renderer = new PostgresRenderer();

  /** An owned sequence default, as the introspector reads it: parsed from the catalog, marked owned. */
  private static Column serial(String name, String type, String catalogDefault, boolean nullable) {
    DefaultExpr.NextValue nextValue = ((DefaultExpr.NextValue) DefaultExpr.parse(catalogDefault)).withOwned(true);
    return new Column(name, SqlType.parse(type), nullable, nextValue, null, null);
  }

  /** {@code app.ticket (id serial primary key, number bigserial, rank smallserial, note text)}. */
  private static Table ticket() {
    return new Table("ticket", List.of(
        serial("id", "integer", "nextval('app.ticket_id_seq'::regclass)", false),
        serial("number", "bigint", "nextval('app.ticket_number_seq'::regclass)", false),
        serial("rank", "smallint", "nextval('app.ticket_rank_seq'::regclass)", false),
        new Column("note", SqlType.parse("text"), true, null, null, null)),
        new PrimaryKey("ticket_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
  }

  @Test
  void creatingATableCreatesTheSequencesItsColumnsOwnAndHandsThemOverDroppingItNeedsNothingMore() {
    Change drop = new Change.DropTable("app", ticket());
    assertThat(renderer.sql(drop)).containsExactly("drop table app.ticket");
    assertThat(renderer.sql(drop.reverse())).containsExactly(
        "create sequence app.ticket_id_seq as integer",
        "create sequence app.ticket_number_seq as bigint",
        "create sequence app.ticket_rank_seq as smallint",
        """
            create table app.ticket (
              id integer default nextval('app.ticket_id_seq'::regclass) not null,
              number bigint default nextval('app.ticket_number_seq'::regclass) not null,
              rank smallint default nextval('app.ticket_rank_seq'::regclass) not null,
              note text,
              constraint ticket_pkey primary key (id)
            )""",
        "alter sequence app.ticket_id_seq owned by app.ticket.id",
        "alter sequence app.ticket_number_seq owned by app.ticket.number",
        "alter sequence app.ticket_rank_seq owned by app.ticket.rank");
  }

  @Test
  void theSequenceIsNamedInTheTablesSchemaWhateverSchemaTheDefaultNamedAndQuotedLikeAnyIdentifier() {
    Column column = serial("Id", "bigint", "nextval('\"Order_Id_seq\"'::regclass)", false);
    Change add = new Change.AddColumn(new QualifiedName("public", "Order"), column);
    assertThat(renderer.sql(add)).containsExactly(
        "create sequence \"Order_Id_seq\" as bigint",
        "alter table \"Order\" add column \"Id\" bigint default nextval('\"Order_Id_seq\"'::regclass) not null",
        "alter sequence \"Order_Id_seq\" owned by \"Order\".\"Id\"");
    Change addElsewhere = new Change.AddColumn(new QualifiedName("Mixed", "Order"), column);
    assertThat(renderer.sql(addElsewhere)).containsExactly(
        "create sequence \"Mixed\".\"Order_Id_seq\" as bigint",
        "alter table \"Mixed\".\"Order\" add column \"Id\" bigint"
            + " default nextval('\"Mixed\".\"Order_Id_seq\"'::regclass) not null",
        "alter sequence \"Mixed\".\"Order_Id_seq\" owned by \"Mixed\".\"Order\".\"Id\"");
  }

  @Test
  void aSequenceTheColumnDoesNotOwnIsLeftAlone() {
    Column column = new Column("code", SqlType.parse("bigint"), true,
        DefaultExpr.parse("nextval('shared_seq'::regclass)"), null, null);
    assertThat(renderer.sql(new Change.AddColumn(new QualifiedName("app", "ticket"), column))).containsExactly(
        "alter table app.ticket add column code bigint default nextval('shared_seq'::regclass)");
  }

  @Test
  void droppingASerialTableThenRunningTheReverseBringsTheTableBackWithItsOwnedSequences() throws SQLException {
    Change drop = new Change.DropTable("app", ticket());
    try (TestDatabase db = TestDatabase.create("ownedtable")) {
      db.execute("create schema app;"
          + " create table app.ticket (id serial primary key, number bigserial, rank smallserial, note text);"
          + " insert into app.ticket (note) values ('a'), ('b')");
      try (Connection c = db.connect()) {
        List<String> start = CatalogSnapshot.take(c);
        List<String> owned = lines(c, OWNED_SEQUENCES);
        assertThat(owned).containsExactly(
            "app.ticket_id_seq as integer owned by app.ticket.id",
            "app.ticket_number_seq as bigint owned by app.ticket.number",
            "app.ticket_rank_seq as smallint owned by app.ticket.rank");

        PostgresRoundTripTest.run(c, renderer.sql(drop));
        assertThat(lines(c, OWNED_SEQUENCES)).as("the sequences went with their table").isEmpty();

        PostgresRoundTripTest.run(c, renderer.sql(drop.reverse()));
        assertThat(CatalogSnapshot.take(c)).containsExactlyElementsOf(start);
        assertThat(lines(c, OWNED_SEQUENCES)).containsExactlyElementsOf(owned);
        assertThat(lines(c, "insert into app.ticket default values returning id || ' ' || number || ' ' || rank"))
            .containsExactly("1 1 1");

        PostgresRoundTripTest.run(c, renderer.sql(drop));
        assertThat(lines(c, OWNED_SEQUENCES)).as("the recreated sequences are owned: they go with the table")
            .isEmpty();
      }
    }
  }

  @Test
  void droppingABigserialColumnThenRunningTheReverseNumbersTheRowsAndOwnsTheSequenceAgain() throws SQLException {
    QualifiedName table = new QualifiedName("app", "ticket");
    Change drop = new Change.DropColumn(table,
        serial("number", "bigint", "nextval('app.ticket_number_seq'::regclass)", false));
    try (TestDatabase db = TestDatabase.create("ownedcolumn")) {
      db.execute("create schema app; create table app.ticket (id serial primary key, note text);"
          + " insert into app.ticket (note) values ('a'), ('b'), ('c');"
          + " alter table app.ticket add column number bigserial");
      try (Connection c = db.connect()) {
        List<String> start = CatalogSnapshot.take(c);
        List<String> owned = lines(c, OWNED_SEQUENCES);
        assertThat(owned).contains("app.ticket_number_seq as bigint owned by app.ticket.number");

        PostgresRoundTripTest.run(c, renderer.sql(drop));
        assertThat(lines(c, OWNED_SEQUENCES)).containsExactly("app.ticket_id_seq as integer owned by app.ticket.id");

        PostgresRoundTripTest.run(c, renderer.sql(drop.reverse()));
        assertThat(CatalogSnapshot.take(c)).containsExactlyElementsOf(start);
        assertThat(lines(c, OWNED_SEQUENCES)).containsExactlyElementsOf(owned);
        assertThat(lines(c, "select number from app.ticket order by id")).as("existing rows took values as the column came")
            .containsExactly("1", "2", "3");
        assertThat(lines(c, "insert into app.ticket default values returning number")).containsExactly("4");

        PostgresRoundTripTest.run(c, renderer.sql(drop));
        assertThat(lines(c, OWNED_SEQUENCES)).as("the recreated sequence is owned: it goes with the column")
            .containsExactly("app.ticket_id_seq as integer owned by app.ticket.id");
      }
    }
  }

  private static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
    return lines;
  }
}
