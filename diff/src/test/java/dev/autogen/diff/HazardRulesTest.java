package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Dialect;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each version-aware hazard rule of the analyzers, through the whole diff, on the versions around it. */
class HazardRulesTest {

  private static final int PG10 = 100_023;
  private static final int PG11 = 110_000;
  private static final int PG15 = 150_004;

  private static MigrationPlan diff(int serverVersion, Catalog current, Catalog target) {
    return new SchemaDiff(DiffOptions.of(PostgresDialect.INSTANCE).withServerVersion(serverVersion)).diff(current, target);
  }

  private static List<Diagnostic> on(MigrationPlan plan, Hazard hazard) {
    return plan.diagnostics().stream().filter(d -> d.hazard() == hazard).toList();
  }

  private static MigrationPlan addColumn(int serverVersion, String type, String defaultValue) {
    return diff(serverVersion, catalog(table("t").id().build()),
        catalog(table("t").id().col("c", type, true, defaultValue).build()));
  }

  private static MigrationPlan retype(int serverVersion, String from, String to) {
    return diff(serverVersion, catalog(table("t").id().col("c", from, true).build()),
        catalog(table("t").id().col("c", to, true).build()));
  }

  @Test
  void aConstantDefaultIsMetadataOnlySincePostgres11() {
    assertThat(addColumn(PG11, "integer", "0").diagnostics()).isEmpty();
    assertThat(addColumn(Dialect.LATEST_SERVER_VERSION, "integer", "0").diagnostics()).isEmpty();
    MigrationPlan old = addColumn(PG10, "integer", "0");
    assertThat(on(old, Hazard.TABLE_REWRITE)).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("adding public.t.c rewrites the table and its indexes: before"
          + " PostgreSQL 11 a non-null default is written into every row");
      assertThat(d.remedy()).contains("without that default, backfill");
    });
    assertThat(on(old, Hazard.BLOCKING_LOCK)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("ACCESS EXCLUSIVE lock on public.t"));
  }

  @Test
  void nowIsStableSoItsDefaultIsMetadataOnly() {
    assertThat(addColumn(PG15, "timestamp with time zone", "now()").diagnostics()).isEmpty();
    assertThat(addColumn(PG15, "timestamp with time zone", "CURRENT_TIMESTAMP").diagnostics()).isEmpty();
    assertThat(addColumn(PG15, "varchar(10)", "'x'::character varying(10)").diagnostics()).isEmpty();
  }

  @Test
  void aVolatileDefaultRewritesOnEveryVersion() {
    for (String volatileDefault : List.of("random()", "clock_timestamp()", "gen_random_uuid()",
        "(now() + (random() * interval '1 day'))")) {
      assertThat(on(addColumn(PG15, "text", volatileDefault), Hazard.TABLE_REWRITE)).singleElement()
          .satisfies(d -> assertThat(d.message()).contains(" rewrites the table").contains("is volatile"));
    }
  }

  @Test
  void aDefaultOfUnknownVolatilityMayRewrite() {
    assertThat(on(addColumn(PG15, "text", "my_code()"), Hazard.TABLE_REWRITE)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("may rewrite").contains("my_code()"));
  }

  @Test
  void anIdentityColumnRewrites() {
    MigrationPlan plan = diff(PG15, catalog(table("t").col("c", "text", true).build()),
        catalog(table("t").col("c", "text", true).id().build()));
    assertThat(plan.diagnostics()).anySatisfy(d -> {
      assertThat(d.hazard()).isEqualTo(Hazard.TABLE_REWRITE);
      assertThat(d.message()).contains("identity column");
    });
  }

  @Test
  void wideningTypesDoNotRewriteSincePostgres92() {
    List<List<String>> widenings = List.of(List.of("varchar(10)", "varchar(20)"), List.of("varchar(10)", "text"),
        List.of("varchar(10)", "varchar"), List.of("numeric(10,2)", "numeric(12,2)"), List.of("numeric(10,2)", "numeric"));
    for (List<String> w : widenings) {
      assertThat(retype(PG10, w.get(0), w.get(1)).diagnostics()).as("%s", w).isEmpty();
      assertThat(on(retype(90_100, w.get(0), w.get(1)), Hazard.TABLE_REWRITE)).as("%s", w).singleElement()
          .satisfies(d -> assertThat(d.message()).contains("before PostgreSQL 9.2"));
    }
  }

  @Test
  void raisingPrecisionAtAnotherScaleRewrites() {
    assertThat(on(retype(PG15, "numeric(10,2)", "numeric(12,4)"), Hazard.TABLE_REWRITE)).hasSize(1);
  }

  @Test
  void integerToBigintRewrites() {
    MigrationPlan plan = retype(PG15, "integer", "bigint");
    assertThat(on(plan, Hazard.TABLE_REWRITE)).singleElement().satisfies(d -> assertThat(d.message())
        .isEqualTo("changing public.t.c from integer to bigint rewrites the table and its indexes: integer is not"
            + " binary coercible to bigint"));
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).hasSize(1);
    assertThat(on(plan, Hazard.DATA_LOSS)).isEmpty();
  }

  @Test
  void timestampToTimestamptzMayRewriteSincePostgres12() {
    MigrationPlan plan = retype(PG15, "timestamp", "timestamp with time zone");
    assertThat(on(plan, Hazard.TABLE_REWRITE)).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("may rewrite").contains("unless the session TimeZone is UTC");
      assertThat(d.remedy()).contains("SET TimeZone = 'UTC'");
    });
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("a rewrite holds"));
    assertThat(on(retype(PG11, "timestamp", "timestamp with time zone"), Hazard.TABLE_REWRITE)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains(" rewrites the table"));
    assertThat(on(retype(PG15, "timestamp with time zone", "timestamp"), Hazard.TABLE_REWRITE)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("may rewrite"));
  }

  @Test
  void setNotNullScansUnderAccessExclusiveAndNamesTheCheckFromPostgres12() {
    Catalog current = catalog(table("t").id().col("c", "text", true).build());
    Catalog target = catalog(table("t").id().col("c", "text", false).build());
    assertThat(on(diff(PG15, current, target), Hazard.BLOCKING_LOCK)).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("SET NOT NULL scans public.t under an ACCESS EXCLUSIVE lock");
      assertThat(d.remedy()).contains("CHECK (c IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it, then SET NOT NULL"
          + " skips the scan");
    });
    assertThat(on(diff(PG11, current, target), Hazard.BLOCKING_LOCK)).singleElement()
        .satisfies(d -> assertThat(d.remedy()).startsWith("this server version cannot skip the scan"));
  }

  @Test
  void foreignKeysAndChecksValidateExistingRowsUnlessNotValid() {
    Catalog current = catalog(table("owner").id().build(), table("pet").id().col("owner_id", "bigint", true).build());
    Catalog target = catalog(table("owner").id().build(), table("pet").id().col("owner_id", "bigint", true)
        .fk("pet_owner_fk", "owner_id", "owner").check("pet_owner_check", "owner_id > 0").build());
    MigrationPlan plan = diff(PG15, current, target);
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "adding a check scans public.pet under an ACCESS EXCLUSIVE lock",
        "adding a foreign key scans public.pet under a SHARE ROW EXCLUSIVE lock that blocks writes to it and"
            + " public.owner");
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).allSatisfy(d -> assertThat(d.remedy()).contains("NOT VALID"));
    assertThat(on(plan, Hazard.DATA_DEPENDENT)).hasSize(2);
  }

  @Test
  void indexBuildsBlockWritesAndConstraintsBlockReadsToo() {
    Catalog current = catalog(table("t").id().col("a", "text", true).col("b", "text", true).build());
    Catalog target = catalog(table("t").id().col("a", "text", true).col("b", "text", true)
        .index("t_a_idx", false, "a").unique("t_b_key", "b").build());
    MigrationPlan plan = diff(PG15, current, target);
    assertThat(on(plan, Hazard.INDEX_BUILD_BLOCKS_WRITES)).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "create index on public.t builds an index under a SHARE lock that blocks writes while it runs",
        "add unique on public.t builds an index under an ACCESS EXCLUSIVE lock that blocks reads and writes while"
            + " it runs");
    assertThat(on(plan, Hazard.INDEX_BUILD_BLOCKS_WRITES)).anySatisfy(d -> assertThat(d.remedy())
        .contains("CREATE UNIQUE INDEX CONCURRENTLY").contains("UNIQUE USING INDEX"));
  }

  @Test
  void dropIndexTakesAccessExclusive() {
    MigrationPlan plan = diff(PG15, catalog(table("t").id().col("a", "text", true).index("t_a_idx", false, "a").build()),
        catalog(table("t").id().col("a", "text", true).build()));
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("dropping index t_a_idx takes an ACCESS EXCLUSIVE lock on public.t");
      assertThat(d.remedy()).contains("CONCURRENTLY");
    });
  }

  @Test
  void objectsCreatedInTheSameMigrationCarryNoLockOrDataHazards() {
    Catalog target = catalog(table("owner").id().build(), table("pet").id()
        .col("owner_id", "bigint", false).col("name", "text", false).col("kind", "text", true, "random()::text")
        .fk("pet_owner_fk", "owner_id", "owner").unique("pet_name_key", "name").check("pet_name_check", "name <> ''")
        .index("pet_kind_idx", true, "kind").build());
    assertThat(diff(PG10, catalog(), target).diagnostics()).isEmpty();
  }

  @Test
  void aColumnAddedEmptyCannotHoldDuplicatesOrOrphansButIsStillIndexed() {
    Catalog current = catalog(table("owner").id().build(), table("pet").id().build());
    Catalog target = catalog(table("owner").id().build(), table("pet").id()
        .col("owner_id", "bigint", true).col("tag", "text", true)
        .fk("pet_owner_fk", "owner_id", "owner").unique("pet_tag_key", "tag").build());
    MigrationPlan plan = diff(PG15, current, target);
    assertThat(on(plan, Hazard.DATA_DEPENDENT)).isEmpty();
    assertThat(on(plan, Hazard.INDEX_BUILD_BLOCKS_WRITES)).hasSize(1);
    assertThat(on(plan, Hazard.BLOCKING_LOCK)).hasSize(1);
  }

  @Test
  void aColumnAddedWithADefaultCanHoldDuplicates() {
    Catalog current = catalog(table("t").id().build());
    Catalog target = catalog(table("t").id().col("tag", "text", true, "'x'").unique("t_tag_key", "tag").build());
    assertThat(on(diff(PG15, current, target), Hazard.DATA_DEPENDENT)).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("duplicate values"));
  }

  @Test
  void serverVersionDefaultsToTheLatest() {
    assertThat(DiffOptions.of(PostgresDialect.INSTANCE).serverVersion()).isEqualTo(Dialect.LATEST_SERVER_VERSION);
    assertThat(DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of()).withServerVersion(PG11).serverVersion())
        .isEqualTo(PG11);
    assertThat(DiffOptions.of(PostgresDialect.INSTANCE).withServerVersion(PG11).withKeepStricterDatabase(true)
        .withConvergeSerial(false).withDropUnmanaged(java.util.Set.of()).serverVersion()).isEqualTo(PG11);
  }
}
