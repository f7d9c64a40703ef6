package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.fixtures.Corpus;
import dev.autogen.fixtures.TestDatabase;
import dev.autogen.metadata.EntityModelOptions;
import dev.autogen.metadata.HibernateEntityReader;
import java.nio.file.Path;
import java.util.List;
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

  @ParameterizedTest(name = "extras of {0} apply after its schema")
  @EnumSource(Corpus.class)
  void extrasApplyAfterTheSchema(Corpus corpus) {
    try (TestDatabase db = TestDatabase.create("corpusextras")) {
      db.execute(corpus.schemaSql());

      assertThatCode(() -> db.execute(corpus.extrasSql())).doesNotThrowAnyException();
    }
  }

  /** @return the {@code changes} array of {@code diff --format json} between the database and the corpus */
  private static JsonNode changes(TestDatabase db, Corpus corpus) throws Exception {
    Cli.Result diff = Cli.run(Cli.command("diff", Cli.against(db, corpus, "--format", "json")));
    assertThat(diff.code()).as(diff.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(diff.out());
    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    JsonNode changes = json.get("changes");
    assertThat(changes).as(diff.out()).isNotNull();
    return changes;
  }
}
