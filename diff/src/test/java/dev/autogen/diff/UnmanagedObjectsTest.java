package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Column;
import dev.autogen.model.DefaultExpr;
import dev.autogen.model.Identity;
import dev.autogen.model.PrimaryKey;
import dev.autogen.model.Schema;
import dev.autogen.model.SqlType;
import dev.autogen.model.Table;
import dev.autogen.model.Trigger;
import dev.autogen.model.View;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Objects only the database has, relaxations and serial columns, as a diff against entities sees them. */
class UnmanagedObjectsTest {

  private static final DiffOptions ENTITIES = DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of());

  private static MigrationPlan diff(DiffOptions options, Catalog current, Catalog target) {
    return new SchemaDiff(options).diff(current, target);
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.changes().stream().map(c -> c.kind() + (c.column() == null ? "" : " " + c.column())).toList();
  }

  private static final Catalog HAND_WRITTEN = catalog(table("owner").id()
      .col("last_name", "varchar(30)", false)
      .col("city", "varchar(80)", true)
      .col("created", "timestamp", true, "now()")
      .index("ix_owner_last_name", false, "last_name")
      .partialIndex("ix_owner_city", "city is not null", "city")
      .unique("uk_owner_name_city", "last_name", "city")
      .check("ck_owner_name", "length(last_name) > 0")
      .build());

  private static final Catalog ENTITY = catalog(table("owner").id()
      .col("last_name", "varchar(30)", false)
      .col("city", "varchar(80)", true)
      .col("created", "timestamp(6)", true)
      .build());

  @Test
  void objectsOnlyTheDatabaseHasAreReportedNotDropped() {
    MigrationPlan plan = diff(ENTITIES, HAND_WRITTEN, ENTITY);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind() + " " + u.name()).containsExactly(
        "INDEXES ix_owner_city", "INDEXES ix_owner_last_name", "UNIQUES uk_owner_name_city",
        "CHECKS ck_owner_name", "DEFAULTS created");
    assertThat(plan.unmanaged()).extracting(UnmanagedObject::definition).contains(
        "index (city) where city is not null", "default now()", "check (length(last_name) > 0)");
  }

  @Test
  void eachKindIsDroppedOnlyWhenAskedFor() {
    MigrationPlan plan = diff(ENTITIES.withDropUnmanaged(Set.of(UnmanagedKind.INDEXES, UnmanagedKind.DEFAULTS)),
        HAND_WRITTEN, ENTITY);

    assertThat(kinds(plan)).containsExactlyInAnyOrder("drop_index", "drop_index", "alter_column created");
    assertThat(plan.unmanaged()).extracting(UnmanagedObject::kind)
        .containsExactly(UnmanagedKind.UNIQUES, UnmanagedKind.CHECKS);
  }

  @Test
  void objectsOnADroppedColumnGoWithIt() {
    Catalog entity = catalog(table("owner").id().col("last_name", "varchar(30)", false)
        .col("created", "timestamp(6)", true).build());

    MigrationPlan plan = diff(ENTITIES, HAND_WRITTEN, entity);

    assertThat(kinds(plan)).containsExactlyInAnyOrder("drop_index", "drop_unique", "drop_column city");
    assertThat(plan.unmanaged()).extracting(UnmanagedObject::name)
        .containsExactly("ix_owner_last_name", "ck_owner_name", "created");
  }

  @Test
  void aCheckTheEntitiesRedefineOnTheSameColumnIsReplaced() {
    Catalog db = catalog(table("pet").id().col("kind", "varchar(10)", true)
        .check("pet_kind_check", "kind in ('CAT', 'DOG')").build());
    Catalog entity = catalog(table("pet").id().col("kind", "varchar(10)", true)
        .check("CK_x", "kind in ('CAT', 'DOG', 'BIRD')").build());

    MigrationPlan plan = diff(ENTITIES, db, entity);

    assertThat(kinds(plan)).containsExactly("drop_check", "add_check");
    assertThat(plan.unmanaged()).isEmpty();
  }

  @Test
  void anIndexTheEntitiesRedefineOnTheSameKeysIsReplaced() {
    Catalog db = catalog(table("pet").id().col("name", "text", true).index("ix_pet_name", false, "name").build());
    Catalog entity = catalog(table("pet").id().col("name", "text", true).index("IDX_x", true, "name").build());

    assertThat(kinds(diff(ENTITIES, db, entity))).containsExactly("drop_index", "create_index");
  }

  @Test
  void anInvalidIndexIsNeverTheEntitiesIndex() {
    Catalog entity = catalog(table("pet").id().col("name", "text", true).index("ux_pet_name", true, "name").build());
    Catalog invalid = catalog(table("pet").id().col("name", "text", true)
        .invalidIndex("ux_pet_name", true, "name").build());
    Catalog invalidUnderAnotherName = catalog(table("pet").id().col("name", "text", true)
        .invalidIndex("pet_name_idx", true, "name").build());

    MigrationPlan plan = diff(ENTITIES, invalid, entity);

    assertThat(kinds(plan)).containsExactly("drop_index", "create_index");
    assertThat(plan.diagnostics()).filteredOn(d -> d.hazard() == Hazard.INVALID_INDEX).singleElement()
        .satisfies(d -> {
          assertThat(d.change()).isInstanceOf(Change.DropIndex.class);
          assertThat(d.message()).contains("ux_pet_name", "INVALID");
        });
    assertThat(kinds(diff(ENTITIES, invalidUnderAnotherName, entity))).containsExactly("drop_index", "create_index");
    assertThat(diff(ENTITIES, invalid, entity).unmanaged()).isEmpty();
  }

  @Test
  void anInvalidIndexTheEntitiesDoNotHaveIsUnmanagedAndSaysSo() {
    Catalog entity = catalog(table("pet").id().col("name", "text", true).build());
    Catalog invalid = catalog(table("pet").id().col("name", "text", true).invalidIndex("ix_x", false, "name").build());

    MigrationPlan plan = diff(ENTITIES, invalid, entity);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).singleElement().satisfies(u -> assertThat(u.toString()).contains("INVALID"));
  }

  @Test
  void anInvalidUniqueIndexIsNotTheEntitiesUniqueConstraint() {
    Catalog entity = catalog(table("pet").id().col("name", "text", true).unique("uk_pet_name", "name").build());
    Catalog invalid = catalog(table("pet").id().col("name", "text", true)
        .invalidIndex("uk_pet_name", true, "name").build());

    assertThat(kinds(diff(ENTITIES, invalid, entity))).containsExactly("drop_index", "add_unique");
  }

  @Test
  void aStricterDatabaseIsARelaxationOrKeptByPolicy() {
    Catalog db = catalog(table("owner").id().col("email", "varchar(50)", false).col("note", "text", true).build());
    Catalog entity = catalog(table("owner").id().col("email", "varchar(255)", true).col("note", "text", true).build());

    MigrationPlan relaxed = diff(ENTITIES, db, entity);
    MigrationPlan kept = diff(ENTITIES.withKeepStricterDatabase(true), db, entity);

    assertThat(kinds(relaxed)).containsExactly("alter_column email");
    assertThat(relaxed.isRelaxation(relaxed.changes().get(0))).isTrue();
    assertThat(kept.changes()).isEmpty();
    assertThat(kept.keptStricter()).singleElement()
        .satisfies(c -> assertThat(((Change.AlterColumn) c).aspects())
            .containsExactlyInAnyOrder(Change.Aspect.TYPE, Change.Aspect.NULLABILITY));
  }

  @Test
  void aNarrowingIsNeverARelaxation() {
    Catalog db = catalog(table("owner").id().col("email", "varchar(255)", true).build());
    Catalog entity = catalog(table("owner").id().col("email", "varchar(50)", true).build());

    MigrationPlan plan = diff(ENTITIES.withKeepStricterDatabase(true), db, entity);

    assertThat(kinds(plan)).containsExactly("alter_column email");
    assertThat(plan.isRelaxation(plan.changes().get(0))).isFalse();
    assertThat(plan.diagnostics()).extracting(Diagnostic::hazard).contains(Hazard.DATA_LOSS);
  }

  @Test
  void aSwitchOfTimeZoneIsNeverARelaxation() {
    for (String[] pair : new String[][] {{"timestamp", "timestamp with time zone"},
        {"timestamp with time zone", "timestamp"}, {"time", "time with time zone"}}) {
      Catalog db = catalog(table("visit").id().col("at", pair[0], true).build());
      Catalog entity = catalog(table("visit").id().col("at", pair[1], true).build());

      MigrationPlan plan = diff(ENTITIES, db, entity);
      MigrationPlan kept = diff(ENTITIES.withKeepStricterDatabase(true), db, entity);

      assertThat(kinds(plan)).as(pair[0] + " -> " + pair[1]).containsExactly("alter_column at");
      assertThat(plan.isRelaxation(plan.changes().get(0))).as(pair[0] + " -> " + pair[1]).isFalse();
      assertThat(kept.keptStricter()).as("--keep-stricter-database keeps only relaxations").isEmpty();
      assertThat(kinds(kept)).containsExactly("alter_column at");
    }
  }

  @Test
  void serialEqualsIdentityByDefaultUnlessConverged() {
    Column serial = new Column("id", SqlType.parse("integer"), false,
        new DefaultExpr.NextValue("public.pet_id_seq", "nextval('pet_id_seq'::regclass)", true), null, null);
    Column identity = new Column("id", SqlType.parse("integer"), false, null, Identity.BY_DEFAULT, null);
    Column always = new Column("id", SqlType.parse("integer"), false, null, Identity.ALWAYS, null);

    assertThat(diff(ENTITIES, pet(serial), pet(identity)).changes()).isEmpty();
    assertThat(kinds(diff(ENTITIES.withConvergeSerial(true), pet(serial), pet(identity))))
        .containsExactly("alter_column id");
    assertThat(kinds(diff(ENTITIES, pet(serial), pet(always)))).containsExactly("alter_column id");
  }

  @Test
  void triggersViewsAndDatabaseOnlyCommentsAreReported() {
    Table pet = new Table("pet", List.of(new Column("id", SqlType.parse("bigint"), false, null, null, "the key")),
        new PrimaryKey("pet_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), "pets",
        List.of(new Trigger("pet_audit", "CREATE TRIGGER pet_audit ...")));
    Catalog db = new Catalog(List.of(new Schema("public", List.of(pet), List.of(), List.of(), List.of(),
        List.of(new View("pet_names", false, "select id from pet")))));
    Catalog entity = catalog(new Table("pet", List.of(new Column("id", SqlType.parse("bigint"), false, null, null,
        null)), new PrimaryKey("x", List.of("id")), List.of(), List.of(), List.of(), List.of(), null));

    MigrationPlan plan = diff(ENTITIES, db, entity);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind() + " " + u.table() + " " + u.name()).containsExactly(
        "VIEWS null pet_names", "COMMENTS pet null", "COMMENTS pet id", "TRIGGERS pet pet_audit");
  }

  private static Catalog pet(Column id) {
    return catalog(new Table("pet", List.of(id), new PrimaryKey("pet_pkey", List.of("id")), List.of(), List.of(),
        List.of(), List.of(), null));
  }
}
