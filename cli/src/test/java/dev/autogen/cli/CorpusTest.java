package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.Corpus;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real-world corpora (PetClinic-style, JHipster-style; {@link Corpus}) compare as equal to schemas
 * that mean the same as their entities: Hibernate's own DDL, and the hand-written schema spelled the
 * way the application's own schema is.
 */
class CorpusTest {

  @ParameterizedTest(name = "Hibernate's own DDL for {0}")
  @EnumSource(Corpus.class)
  void hibernatesOwnDdlDiffsEmpty(Corpus corpus) throws Exception {
    List<String> ddl = new HibernateEntityReader(new EntityModelOptions(
        List.of(Path.of(Cli.fixturesClasspath())), List.of(corpus.entityPackage()), corpus.naming(), null))
        .hibernateCreateScript();
    try (TestDatabase db = TestDatabase.create("corpusddl")) {
      db.execute(String.join(";\n", ddl));

      assertThat(changes(db, corpus)).isEmpty();
    }
  }

  @ParameterizedTest(name = "hand-written schema of {0}")
  @EnumSource(Corpus.class)
  void handWrittenSchemaDiffsEmptyAndPassesCheck(Corpus corpus) throws Exception {
    try (TestDatabase db = TestDatabase.create("corpusschema")) {
      db.execute(corpus.schemaSql());

      assertThat(changes(db, corpus)).isEmpty();
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, corpus)));
      assertThat(check.code()).as(check.out() + check.err()).isZero();
    }
  }

  @ParameterizedTest(name = "hand-added objects of {0} are unmanaged, not dropped")
  @EnumSource(Corpus.class)
  void handAddedIndexesDefaultsAndChecksAreLeftAlone(Corpus corpus) throws Exception {
    try (TestDatabase db = TestDatabase.create("corpusextras")) {
      db.execute(corpus.schemaSql());
      db.execute(corpus.extrasSql());

      JsonNode json = diffJson(db, corpus);
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, corpus)));

      assertThat(json.get("changes")).as(json.toPrettyString()).isEmpty();
      List<String> kinds = new java.util.ArrayList<>();
      json.get("unmanaged").forEach(u -> kinds.add(u.get("kind").asText()));
      assertThat(kinds).as(json.toPrettyString()).contains("indexes", "defaults", "checks")
          .hasSize((int) corpus.extrasSql().lines().filter(l -> l.matches("(CREATE|ALTER) .*")).count());
      assertThat(check.code()).as(check.out() + check.err()).isZero();
      assertThat(check.out()).contains("Unmanaged");
    }
  }

  @Test
  void eachKindOfUnmanagedObjectIsDroppedOnlyWhenAsked() throws Exception {
    try (TestDatabase db = TestDatabase.create("corpusdrop")) {
      db.execute(Corpus.PETCLINIC.schemaSql());
      db.execute(Corpus.PETCLINIC.extrasSql());

      JsonNode json = diffJson(db, Corpus.PETCLINIC, "--drop-unmanaged", "indexes");
      Cli.Result bad = Cli.run(Cli.command("check", Cli.against(db, Corpus.PETCLINIC, "--drop-unmanaged", "views")));

      List<String> kinds = new java.util.ArrayList<>();
      json.get("changes").forEach(c -> kinds.add(c.get("kind").asText()));
      assertThat(kinds).containsExactly("drop_index", "drop_index", "drop_index");
      List<String> left = new java.util.ArrayList<>();
      json.get("unmanaged").forEach(u -> left.add(u.get("kind").asText()));
      assertThat(left).containsExactlyInAnyOrder("defaults", "checks");
      assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
      assertThat(bad.err()).contains("--drop-unmanaged: unknown kind of unmanaged object 'views'");
    }
  }

  @Test
  void aStricterDatabaseIsARelaxationOrKept() throws Exception {
    try (TestDatabase db = TestDatabase.create("corpusstrict")) {
      db.execute(Corpus.PETCLINIC.schemaSql());
      db.execute("alter table owners alter column city type varchar(40); alter table pets alter column birth_date set not null");

      JsonNode relaxed = diffJson(db, Corpus.PETCLINIC);
      JsonNode kept = diffJson(db, Corpus.PETCLINIC, "--keep-stricter-database");
      Cli.Result check = Cli.run(Cli.command("check", Cli.against(db, Corpus.PETCLINIC, "--keep-stricter-database")));

      assertThat(relaxed.get("changes")).hasSize(2)
          .allSatisfy(c -> assertThat(c.get("relaxation").asBoolean()).as(c.toString()).isTrue());
      assertThat(kept.get("changes")).isEmpty();
      assertThat(kept.get("keptStricter")).hasSize(2);
      assertThat(check.code()).isZero();
      assertThat(check.out()).contains("Kept stricter: 2 columns");
    }
  }

  /** @return the {@code changes} array of {@code diff --format json} between the database and the corpus */
  private static JsonNode changes(TestDatabase db, Corpus corpus) throws Exception {
    JsonNode changes = diffJson(db, corpus).get("changes");
    assertThat(changes).isNotNull();
    return changes;
  }

  /** @return the whole report of {@code diff --format json} between the database and the corpus */
  private static JsonNode diffJson(TestDatabase db, Corpus corpus, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--format", "json"));
    args.addAll(List.of(more));
    Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, corpus, args.toArray(String[]::new))));
    assertThat(diff.code()).as(diff.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(diff.out());
    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    return json;
  }
}
