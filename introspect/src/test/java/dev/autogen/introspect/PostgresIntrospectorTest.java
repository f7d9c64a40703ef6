package dev.autogen.introspect;

import static dev.autogen.introspect.FeatureDatabase.BOTH_SCHEMAS;
import static dev.autogen.introspect.FeatureDatabase.schema;
import static dev.autogen.introspect.FeatureDatabase.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autogen.fixtures.TestDatabase;
import dev.autogen.model.Catalog;
import dev.autogen.model.CheckConstraint;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.EnumType;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Identity;
import dev.autogen.model.Index;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.ReferentialAction;
import dev.autogen.model.Sequence;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Reads {@code features.sql} (two schemas, every feature the model describes) from a real database. */
class PostgresIntrospectorTest {

  private static Column column(String name, String type, boolean nullable, DefaultExpr defaultValue) {
    return new Column(name, SqlType.parse(type), nullable, defaultValue, null, null);
  }

  private static Catalog readFeatures(String label) {
    try (TestDatabase db = FeatureDatabase.create(label)) {
      return FeatureDatabase.introspector(db, BOTH_SCHEMAS).read();
    }
  }

  @Test
  void readsOrdinaryAndPartitionedTablesSortedByNameButNoViewsPartitionsOrMigrationToolTables() {
    Catalog catalog = readFeatures("tables");

    assertThat(catalog.schemas()).extracting(s -> s.name()).containsExactly("app", "public");
    assertThat(schema(catalog, "app").tables()).extracting(Table::name)
        .containsExactly("booking", "customer", "event_ref", "events", "orders", "product", "shipment");
    assertThat(schema(catalog, "public").tables()).extracting(Table::name).containsExactly("OrderItem");
    assertThat(table(catalog, "app", "customer").comment()).isEqualTo("People who buy");
    assertThat(table(catalog, "app", "orders").comment()).isNull();
  }

  @Test
  void readsColumnsInOrderWithCanonicalTypesDefaultsIdentityAndComments() {
    Catalog catalog = readFeatures("columns");

    assertThat(table(catalog, "app", "customer").columns()).containsExactly(
        new Column("id", SqlType.parse("bigint"), false, null, Identity.ALWAYS, null),
        new Column("email", SqlType.parse("varchar(320)"), false, null, null, "Login, lower case"),
        column("display_name", "text", true, null),
        column("balance", "numeric(12,2)", false, new DefaultExpr.Literal("0")),
        column("created_at", "timestamp(6) with time zone", false, new DefaultExpr.Expression("now()")),
        column("tags", "text[]", true, null),
        column("external_id", "uuid", true, null),
        column("profile", "jsonb", true, new DefaultExpr.Literal("'{}'")));
    assertThat(table(catalog, "app", "orders").columns()).containsExactly(
        column("id", "integer", false, new DefaultExpr.NextValue("orders_id_seq", null)),
        column("customer_id", "bigint", true, null),
        column("status", "app.order_status", false, null),
        column("parent_id", "integer", true, null),
        column("note", "varchar(200)", true, new DefaultExpr.Literal("'none'")),
        column("total", "numeric(10,2)", true, null),
        new Column("total_cents", SqlType.parse("bigint"), true, null, null, null,
            "((total * (100)::numeric))::bigint", null),
        column("placed_at", "timestamp(3)", true, null));
    assertThat(table(catalog, "public", "OrderItem").columns()).containsExactly(
        column("line_no", "integer", false, null),
        column("order_id", "integer", false, null),
        column("select", "varchar(50)", true, null),
        new Column("quantity", SqlType.parse("integer"), false, null, Identity.BY_DEFAULT, null),
        column("feeling", "mood", true, new DefaultExpr.Literal("'ok'")));
  }

  @Test
  void serialDefaultNamesItsSequenceAndGeneratedColumnHasItsExpressionButNoDefault() {
    Catalog catalog = readFeatures("defaults");
    Table orders = table(catalog, "app", "orders");

    assertThat(orders.column("id").orElseThrow().defaultValue())
        .isInstanceOfSatisfying(DefaultExpr.NextValue.class,
            n -> {
              assertThat(n.sequence()).isEqualTo("app.orders_id_seq");
              assertThat(n.owned()).as("a serial column owns its sequence").isTrue();
            });
    assertThat(orders.column("total_cents").orElseThrow())
        .extracting(Column::defaultValue, Column::generated)
        .containsExactly(null, "((total * (100)::numeric))::bigint");
    assertThat(orders.column("status").orElseThrow().type().raw()).isEqualTo("app.order_status");
  }

  @Test
  void readsKeysAndConstraintsInKeyOrderSortedByName() {
    Catalog catalog = readFeatures("keys");
    Table customer = table(catalog, "app", "customer");
    Table orders = table(catalog, "app", "orders");
    Table item = table(catalog, "public", "OrderItem");
    Table shipment = table(catalog, "app", "shipment");

    assertThat(customer.primaryKey()).isEqualTo(new PrimaryKey("customer_pkey", List.of("id")));
    assertThat(item.primaryKey()).isEqualTo(new PrimaryKey("OrderItem_pkey", List.of("order_id", "line_no")));
    assertThat(shipment.primaryKey()).isNull();
    assertThat(table(catalog, "app", "events").primaryKey())
        .isEqualTo(new PrimaryKey("events_pkey", List.of("id", "happened")));
    assertThat(customer.uniques()).containsExactly(new UniqueConstraint("customer_email_key", List.of("email")));
    assertThat(orders.uniques()).isEmpty();
    assertThat(orders.foreignKeys()).containsExactly(
        new ForeignKey("orders_customer_id_fkey", List.of("customer_id"), new QualifiedName("app", "customer"),
            List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
        new ForeignKey("orders_parent_fk", List.of("parent_id"), new QualifiedName("app", "orders"),
            List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.NO_ACTION));
    assertThat(item.foreignKeys()).containsExactly(
        new ForeignKey("OrderItem_order_id_fkey", List.of("order_id"), new QualifiedName("app", "orders"),
            List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    assertThat(shipment.foreignKeys()).containsExactly(
        new ForeignKey("shipment_item_fk", List.of("line_no", "order_id"), new QualifiedName("public", "OrderItem"),
            List.of("line_no", "order_id"), ReferentialAction.NO_ACTION, ReferentialAction.CASCADE));
    assertThat(table(catalog, "app", "event_ref").foreignKeys())
        .as("one key, not one more per partition of the referenced table")
        .containsExactly(new ForeignKey("event_ref_event_fk", List.of("event_id", "happened"),
            new QualifiedName("app", "events"), List.of("id", "happened"),
            ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
    assertThat(customer.checks()).containsExactly(
        new CheckConstraint("customer_balance_check", "(balance >= (0)::numeric)"));
    assertThat(orders.checks()).containsExactly(
        new CheckConstraint("orders_total_check", "(total > (0)::numeric)"));
  }

  @Test
  void checkExpressionIsWhatConstraintDefPrintsInsideCheckWithoutNotValid() throws Exception {
    try (TestDatabase db = FeatureDatabase.create("checks"); Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select conname, pg_get_constraintdef(oid) from pg_constraint where contype = 'c'")) {
      Map<String, String> printed = new HashMap<>();
      while (rows.next()) {
        printed.put(rows.getString(1), rows.getString(2));
      }
      Catalog catalog = PostgresIntrospector.read(c, BOTH_SCHEMAS);

      assertThat(printed.get("orders_total_check")).endsWith(" NOT VALID");
      for (Table t : schema(catalog, "app").tables()) {
        for (CheckConstraint check : t.checks()) {
          String def = printed.get(check.name()).replaceFirst(" NOT VALID$", "");
          assertThat(def).startsWith("CHECK (").endsWith(")");
          assertThat(check.expression()).isEqualTo(def.substring("CHECK (".length(), def.length() - 1));
        }
      }
    }
  }

  @Test
  void readsIndexesButNotThoseBackingPrimaryKeysUniqueOrExclusionConstraints() {
    Catalog catalog = readFeatures("indexes");

    assertThat(table(catalog, "app", "orders").indexes()).containsExactly(
        new Index("orders_customer_status_key", List.of("customer_id", "status"), true, null, "btree"),
        new Index("orders_note_lower_key", List.of("(lower(note::text))"), true, null, "btree"),
        new Index("orders_open_idx", List.of("customer_id"), false, "(status <> 'shipped'::app.order_status)", "btree"),
        new Index("orders_placed_idx", List.of("placed_at desc"), false, null, "btree"));
    assertThat(table(catalog, "app", "customer").indexes()).containsExactly(
        new Index("customer_tags_gin", List.of("tags"), false, null, "gin"));
    List<String> allIndexNames = new ArrayList<>();
    catalog.schemas().forEach(s -> s.tables().forEach(t -> t.indexes().forEach(i -> allIndexNames.add(i.name()))));
    assertThat(allIndexNames)
        .doesNotContain("customer_pkey", "customer_email_key", "orders_pkey", "OrderItem_pkey", "events_pkey",
            "booking_during_excl")
        .as("5 of orders and customer, 6 of product").hasSize(11);
  }

  @Test
  void anIndexAFailedConcurrentBuildLeftBehindIsReadAsInvalid() throws Exception {
    try (TestDatabase db = TestDatabase.create("invalidindex")) {
      db.execute("create table coupon (id bigint primary key, code text);"
          + " insert into coupon values (1, 'a'), (2, 'a'); create index coupon_id_idx on coupon (id)");
      // a unique build over duplicate rows fails; CONCURRENTLY leaves the index behind, INVALID
      catchThrowableOfType(() -> db.execute("create unique index concurrently coupon_code_key on coupon (code)"),
          IllegalStateException.class);
      Catalog catalog;
      try (Connection c = db.connect()) {
        catalog = PostgresIntrospector.read(c, new IntrospectOptions(List.of("public"), List.of(), List.of()));
      }

      assertThat(table(catalog, "public", "coupon").indexes()).extracting(Index::name, Index::valid)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("coupon_code_key", false),
              org.assertj.core.groups.Tuple.tuple("coupon_id_idx", true));
    }
  }

  @Test
  void aDomainColumnIsReadAsItsBaseTypeNamingTheDomainAndItsChecksWithoutTheDomainCast() throws Exception {
    try (TestDatabase db = TestDatabase.create("domains")) {
      db.execute("create domain email as varchar(200) check (value like '%@%'); create domain backup_email as email;"
          + " create domain qty as integer; create table subscriber (id bigint primary key, email email,"
          + " backup backup_email, quantity qty, constraint quantity_positive check (quantity > 0))");
      Catalog catalog;
      try (Connection c = db.connect()) {
        catalog = PostgresIntrospector.read(c, new IntrospectOptions(List.of("public"), List.of(), List.of()));
      }
      Table subscriber = table(catalog, "public", "subscriber");

      assertThat(subscriber.columns()).extracting(c -> c.type().sql(), c -> c.type().domain(), c -> c.type().raw())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("bigint", false, "bigint"),
              org.assertj.core.groups.Tuple.tuple("varchar(200)", true, "email"),
              org.assertj.core.groups.Tuple.tuple("varchar(200)", true, "backup_email"),
              org.assertj.core.groups.Tuple.tuple("integer", true, "qty"));
      assertThat(subscriber.checks()).containsExactly(new CheckConstraint("quantity_positive", "quantity > 0"));
    }
  }

  @Test
  void readsSequencesNoColumnOwnsAndEnumsInSortOrder() {
    Catalog catalog = readFeatures("sequences");

    assertThat(schema(catalog, "app").sequences())
        .as("orders_id_seq belongs to the serial column orders.id").containsExactly(new Sequence("invoice_seq", 1000, 50));
    assertThat(schema(catalog, "public").sequences()).isEmpty();
    assertThat(schema(catalog, "app").enums()).containsExactly(
        new EnumType("order_status", List.of("new", "paid", "shipped")));
    assertThat(schema(catalog, "public").enums()).containsExactly(
        new EnumType("mood", List.of("sad", "meh", "ok", "happy")));
  }

  @Test
  void sequencesOwnedBySerialOrOwnedByColumnsAreLeftToTheirColumnButUnownedOnesAreListed() {
    try (TestDatabase db = TestDatabase.create("owned")) {
      db.execute("""
          create sequence free_seq start with 5;
          create sequence shared_seq;
          create sequence counter_seq;
          create table ticket (id serial primary key, big bigserial, counter integer default nextval('counter_seq'),
                               shared integer default nextval('shared_seq'),
                               code bigint generated by default as identity,
                               other bigint default nextval('shared_seq'));
          alter sequence counter_seq owned by ticket.counter;
          create sequence side_seq owned by ticket.other;
          """);
      Catalog catalog = FeatureDatabase.introspector(db, IntrospectOptions.defaults()).read();
      Table ticket = table(catalog, "public", "ticket");

      assertThat(schema(catalog, "public").sequences())
          .containsExactly(new Sequence("free_seq", 5, 1), new Sequence("shared_seq", 1, 1));
      assertThat(ticket.column("id").orElseThrow().defaultValue()).isEqualTo(new DefaultExpr.NextValue("ticket_id_seq", null));
      assertThat(ticket.column("big").orElseThrow().defaultValue()).isEqualTo(new DefaultExpr.NextValue("ticket_big_seq", null));
      assertThat(ticket.column("counter").orElseThrow().defaultValue()).isEqualTo(new DefaultExpr.NextValue("counter_seq", null));
      assertThat(ticket.columns()).filteredOn(c -> c.defaultValue() instanceof DefaultExpr.NextValue)
          .as("a column owns the sequence of its default only when that sequence is OWNED BY that column")
          .extracting(c -> c.name() + " owned=" + ((DefaultExpr.NextValue) c.defaultValue()).owned())
          .containsExactly("id owned=true", "big owned=true", "counter owned=true", "shared owned=false",
              "other owned=false");

      db.execute("drop table ticket");
      assertThat(FeatureDatabase.introspector(db, IntrospectOptions.defaults()).read().schema("public").orElseThrow()
          .sequences()).as("the owned sequences went with the table, the unowned ones stayed")
          .containsExactly(new Sequence("free_seq", 5, 1), new Sequence("shared_seq", 1, 1));
    }
  }

  @Test
  void itsOwnConnectionIsAReadOnlySessionWhateverTheUrlSays() throws Exception {
    try (TestDatabase db = TestDatabase.create("readonly")) {
      for (String url : List.of(db.url(), db.url() + "?readOnlyMode=ignore")) {
        try (Connection c = new PostgresIntrospector(url, TestDatabase.user(), TestDatabase.password(),
                IntrospectOptions.defaults()).connect();
            Statement s = c.createStatement()) {
          assertThat(c.isReadOnly()).as(url).isTrue();
          assertThat(catchThrowableOfType(SQLException.class, () -> s.execute("create table t (id integer)"))
              .getSQLState()).as("read_only_sql_transaction for " + url).isEqualTo("25006");
        }
      }
    }
  }

  @Test
  void readingThroughTheCallersConnectionLeavesItOpenAndGivesTheSameCatalog() throws Exception {
    try (TestDatabase db = FeatureDatabase.create("own"); Connection c = db.connect()) {
      Catalog own = PostgresIntrospector.read(c, BOTH_SCHEMAS);

      assertThat(c.isClosed()).isFalse();
      assertThat(c.getAutoCommit()).isTrue();
      assertThat(c.isReadOnly()).isFalse();
      assertThat(own).isEqualTo(FeatureDatabase.introspector(db, BOTH_SCHEMAS).read());
      try (Statement s = c.createStatement()) {
        s.execute("create table still_writable (id integer)");
      }
    }
  }

  @Test
  void defaultOptionsReadOnlyPublic() {
    try (TestDatabase db = FeatureDatabase.create("defaults")) {
      Catalog catalog = FeatureDatabase.introspector(db, IntrospectOptions.defaults()).read();

      assertThat(catalog.schemas()).extracting(s -> s.name()).containsExactly("public");
      assertThat(catalog.tableCount()).isEqualTo(1);
    }
  }

  @Test
  void logsNothing() {
    List<LogRecord> published = new ArrayList<>();
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (published) {
          published.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(recorder);
    try {
      readFeatures("quiet");
    } finally {
      root.removeHandler(recorder);
    }
    synchronized (published) {
      assertThat(published).extracting(LogRecord::getLoggerName)
          .noneMatch(name -> name != null && (name.startsWith("schemacrawler") || name.startsWith("us.fatehi")));
    }
  }
}
