package dev.autogen.diff;

import static dev.autogen.diff.Tables.catalog;
import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Catalog;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key rules: a primary key on one side and a unique constraint on the other on the same columns
 * are no change, and a primary key only the database has is kept and reported. The table shapes are
 * what Hibernate's own DDL writes for {@code @OneToMany @JoinTable Set<Element> elements} and {@code
 * @ElementCollection Set<String> tags} (see the CLI's HibernateMajorKeysTest for the scripts, as
 * Hibernate 6.6.13 and 7.4.6 print them).
 */
class KeyRulesTest {

  private static final DiffOptions ENTITIES = DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of());

  /** Hibernate 6.6: primary key (owner_id, elements_id) plus unique (elements_id). */
  private static final Catalog JOIN_TABLE_66 = catalog(table("owner_element")
      .col("owner_id", "bigint", false).col("elements_id", "bigint", false)
      .pk("owner_element_pkey", "owner_id", "elements_id").unique("owner_element_elements_id_key", "elements_id")
      .build());

  /** Hibernate 7.x: primary key (elements_id). */
  private static final Catalog JOIN_TABLE_7 = catalog(table("owner_element")
      .col("owner_id", "bigint", false).col("elements_id", "bigint", false)
      .pk("owner_element_pkey", "elements_id").build());

  /** Hibernate 7.x for a Set of basics: unique (owner_id, tag), tag nullable. */
  private static final Catalog TAGS_7 = catalog(table("owner_tag")
      .col("owner_id", "bigint", false).col("tag", "varchar(255)", true)
      .unique("owner_tag_owner_id_tag_key", "owner_id", "tag").build());

  /** A hand-written (or not-null element) shape: primary key (owner_id, tag). */
  private static final Catalog TAGS_PK = catalog(table("owner_tag")
      .col("owner_id", "bigint", false).col("tag", "varchar(255)", false)
      .pk("owner_tag_pkey", "owner_id", "tag").build());

  private static MigrationPlan diff(DiffOptions options, Catalog current, Catalog target) {
    return new SchemaDiff(options).diff(current, target);
  }

  private static List<String> kinds(MigrationPlan plan) {
    return plan.changes().stream().map(c -> c.kind() + (c.column() == null ? "" : " " + c.column())).toList();
  }

  @Test
  void aDatabaseBuiltByHibernate66MatchesHibernate7sJoinTable() {
    MigrationPlan plan = diff(ENTITIES, JOIN_TABLE_66, JOIN_TABLE_7);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind() + " " + u.name() + ": " + u.definition()).containsExactly(
        "PRIMARY_KEYS owner_element_pkey: primary key (owner_id, elements_id)"
            + " (the entities declare primary key (elements_id))");
  }

  @Test
  void aDatabaseBuiltByHibernate7MatchesHibernate66sJoinTable() {
    MigrationPlan plan = diff(ENTITIES, JOIN_TABLE_7, JOIN_TABLE_66);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind() + " " + u.name()).containsExactly(
        "PRIMARY_KEYS owner_element_pkey");
  }

  @Test
  void aDatabasePrimaryKeySatisfiesTheEntitiesUniqueOnTheSameColumnsAndKeepsItsNotNull() {
    MigrationPlan plan = diff(ENTITIES, TAGS_PK, TAGS_7);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind() + " " + u.name()).containsExactly(
        "PRIMARY_KEYS owner_tag_pkey");
    // PostgreSQL refuses DROP NOT NULL on a primary key column: the column stays as the key needs it.
    assertThat(plan.keptStricter()).extracting(c -> c.kind() + " " + c.column()).containsExactly("alter_column tag");
  }

  @Test
  void aDatabaseUniqueWithoutAKeyIsNoPrimaryKey() {
    // The entities' primary key is added where the database has only a unique on the same columns.
    MigrationPlan plan = diff(ENTITIES, TAGS_7, TAGS_PK);

    assertThat(kinds(plan)).containsExactlyInAnyOrder("alter_column tag", "add_primary_key");
    assertThat(plan.unmanaged()).extracting(UnmanagedObject::kind).containsExactly(UnmanagedKind.UNIQUES);
  }

  @Test
  void aCompositeDatabaseKeyNeverStandsForAUniqueOnFewerColumns() {
    // primary key (owner_id, elements_id) lets one element belong to two owners; unique (elements_id) does not.
    Catalog weaker = catalog(table("owner_element")
        .col("owner_id", "bigint", false).col("elements_id", "bigint", false)
        .pk("owner_element_pkey", "owner_id", "elements_id").build());
    Catalog uniqueElement = catalog(table("owner_element")
        .col("owner_id", "bigint", false).col("elements_id", "bigint", false)
        .unique("uk_element", "elements_id").build());

    assertThat(kinds(diff(ENTITIES, weaker, JOIN_TABLE_7)))
        .containsExactlyInAnyOrder("drop_primary_key", "add_primary_key");
    MigrationPlan againstUnique = diff(ENTITIES, weaker, uniqueElement);
    assertThat(kinds(againstUnique)).containsExactly("add_unique");
    assertThat(againstUnique.unmanaged()).extracting(UnmanagedObject::kind).containsExactly(UnmanagedKind.PRIMARY_KEYS);
  }

  @Test
  void aPrimaryKeyOnlyTheDatabaseHasIsKeptUnlessAskedFor() {
    Catalog keyed = catalog(table("audit").col("id", "bigint", false).col("at", "timestamp", true)
        .pk("audit_pkey", "id").build());
    Catalog keyless = catalog(table("audit").col("id", "bigint", false).col("at", "timestamp", true).build());

    MigrationPlan kept = diff(ENTITIES, keyed, keyless);
    assertThat(kept.changes()).isEmpty();
    assertThat(kept.unmanaged()).extracting(u -> u.kind().label() + " " + u.definition())
        .containsExactly("primary-keys primary key (id) (the entities declare none)");

    MigrationPlan dropped = diff(ENTITIES.withDropUnmanaged(Set.of(UnmanagedKind.PRIMARY_KEYS)), keyed, keyless);
    assertThat(kinds(dropped)).containsExactly("drop_primary_key");
    assertThat(dropped.unmanaged()).isEmpty();
  }

  @Test
  void droppingTheDatabasesKeyBringsTheEntitiesKeysInstead() {
    MigrationPlan plan = diff(ENTITIES.withDropUnmanaged(Set.of(UnmanagedKind.PRIMARY_KEYS)), TAGS_PK, TAGS_7);

    assertThat(kinds(plan)).containsExactlyInAnyOrder("drop_primary_key", "add_unique", "alter_column tag");
    // Two complete schemas compare exactly: every droppable kind is dropped.
    assertThat(kinds(diff(DiffOptions.of(PostgresDialect.INSTANCE), JOIN_TABLE_7, JOIN_TABLE_66)))
        .containsExactlyInAnyOrder("drop_primary_key", "add_primary_key", "add_unique");
  }

  @Test
  void aKeyOnADroppedColumnGoesWithIt() {
    Catalog target = catalog(table("owner_element").col("elements_id", "bigint", false)
        .pk("owner_element_pkey", "elements_id").build());

    assertThat(kinds(diff(ENTITIES, JOIN_TABLE_66, target)))
        .containsExactlyInAnyOrder("drop_primary_key", "add_primary_key", "drop_column owner_id");
  }

  @Test
  void theKindIsNamedAsUsersWriteIt() {
    assertThat(UnmanagedKind.droppable("primary-keys")).isEqualTo(UnmanagedKind.PRIMARY_KEYS);
    assertThat(UnmanagedKind.droppable("Primary_Key")).isEqualTo(UnmanagedKind.PRIMARY_KEYS);
    assertThat(UnmanagedKind.allDroppable()).contains(UnmanagedKind.PRIMARY_KEYS);
    assertThatThrownBy(() -> UnmanagedKind.droppable("keys")).hasMessageContaining("primary-keys");
  }
}
