package dev.autogen.diff;

import static dev.autogen.diff.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.model.Catalog;
import dev.autogen.model.Schema;
import dev.autogen.model.Sequence;
import dev.autogen.model.Table;
import dev.autogen.model.postgres.PostgresDialect;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables and sequences that a library on the class path owns ({@link LibraryTable}), as the diff treats them. */
class LibraryTablesDiffTest {

  private static final Table ENTITY = table("invoice").id().build();
  private static final Table LOCK = table("int_lock").col("lock_key", "char(36)", false).build();
  private static final Sequence SEQ = new Sequence("int_message_seq", 1, 1);
  private static final Catalog DATABASE = new Catalog(List.of(
      new Schema("public", List.of(ENTITY, LOCK), List.of(SEQ), List.of()),
      new Schema("other", List.of(table("int_lock").col("x", "integer", true).build()), List.of(), List.of())));
  private static final Catalog ENTITIES = new Catalog(List.of(new Schema("public", List.of(ENTITY), List.of(), List.of())));

  private static final List<LibraryTable> OWNED = List.of(
      new LibraryTable("Spring Integration", null, "int_lock"),
      new LibraryTable("Spring Integration", "public", "int_message_seq"));

  @Test
  void aLibrarysTablesAreReportedNotDropped() {
    MigrationPlan plan = new SchemaDiff(DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of())
        .withLibraryTables(OWNED)).diff(DATABASE, ENTITIES);

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.unmanaged()).extracting(u -> u.kind().label() + " " + u.schema() + "." + u.table() + ": "
        + u.definition()).containsExactly(
            "library-tables other.int_lock: table of Spring Integration",
            "library-tables public.int_lock: table of Spring Integration",
            "library-tables public.int_message_seq: sequence of Spring Integration");
  }

  @Test
  void aSchemaQualifiedLibraryTableMatchesOnlyInItsSchema() {
    MigrationPlan plan = new SchemaDiff(DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of())
        .withLibraryTables(List.of(new LibraryTable("Spring Integration", "public", "int_lock")))).diff(DATABASE, ENTITIES);

    assertThat(plan.changes()).extracting(c -> c.kind() + " " + c.subject().schema() + "." + c.subject().name())
        .containsExactlyInAnyOrder("drop_table other.int_lock", "drop_sequence public.int_message_seq");
  }

  @Test
  void theyAreDroppedWhenAskedOrWhenNoLibraryOwnsThem() {
    DiffOptions asked = DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of()).withLibraryTables(OWNED)
        .withDropUnmanaged(Set.of(UnmanagedKind.LIBRARY_TABLES));
    DiffOptions none = DiffOptions.forEntities(PostgresDialect.INSTANCE, List.of());
    for (DiffOptions options : List.of(asked, none)) {
      MigrationPlan plan = new SchemaDiff(options).diff(DATABASE, ENTITIES);
      assertThat(plan.changes()).extracting(Change::kind)
          .containsExactlyInAnyOrder("drop_table", "drop_table", "drop_sequence");
      assertThat(plan.unmanaged()).isEmpty();
    }
    assertThat(UnmanagedKind.droppable("library-tables")).isEqualTo(UnmanagedKind.LIBRARY_TABLES);
  }
}
