package dev.autogen.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.cli.Cli;
import dev.autogen.fixtures.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key rules through the command line, on databases built by the DDL Hibernate's majors write for
 * the entities of {@code catalog.keys} (a unidirectional {@code @OneToMany} join table and two sets of
 * basics). The scripts are Hibernate's own, as {@code SchemaCreatorImpl.doCreation} printed them for
 * these mappings with {@code PostgreSQLDialect}: 6.6.13.Final (hibernate-core 6.6.13.Final from Maven
 * Central) and 7.4.6.Final (the bundled one). The majors differ in the join table's key (6.6: {@code
 * primary key (Owner_id, elements_id)} plus {@code unique (elements_id)}; 7.x: {@code primary key
 * (elements_id)}) and in the nullable set of basics (6.6: no key; 7.x: {@code unique (Owner_id, tag)}).
 */
public class HibernateMajorKeysTest {

  /** The package of the entities. */
  public static final String ENTITIES = "dev.autogen.cli.catalog.keys";

  /** Hibernate 6.6.13.Final's script. */
  static final String HIBERNATE_66 = """
      create table Element (id bigint not null, primary key (id));
      create table Owner (id bigint not null, primary key (id));
      create table owner_alias (Owner_id bigint not null, alias varchar(255) not null, primary key (Owner_id, alias));
      create table owner_element (Owner_id bigint not null, elements_id bigint not null unique, primary key (Owner_id, elements_id));
      create table owner_tag (Owner_id bigint not null, tag varchar(255));
      alter table if exists owner_alias add constraint FK1sdh6rgbrkswxlisl118ghbtg foreign key (Owner_id) references Owner;
      alter table if exists owner_element add constraint FKhtmu0j3e73iwqb9na9ljcr9bg foreign key (elements_id) references Element;
      alter table if exists owner_element add constraint FKem1n0kojpqpssp6gqos7r9hql foreign key (Owner_id) references Owner;
      alter table if exists owner_tag add constraint FKhqsltm3mrsbxkmmk3pr2wsu9j foreign key (Owner_id) references Owner;
      """;

  /** Hibernate 7.4.6.Final's script. */
  public static final String HIBERNATE_7 = """
      create table Element (id bigint not null, primary key (id));
      create table Owner (id bigint not null, primary key (id));
      create table owner_alias (Owner_id bigint not null, alias varchar(255) not null, primary key (Owner_id, alias));
      create table owner_element (Owner_id bigint not null, elements_id bigint not null, primary key (elements_id));
      create table owner_tag (Owner_id bigint not null, tag varchar(255), unique (Owner_id, tag));
      alter table if exists owner_alias add constraint FK1sdh6rgbrkswxlisl118ghbtg foreign key (Owner_id) references Owner;
      alter table if exists owner_element add constraint FKhtmu0j3e73iwqb9na9ljcr9bg foreign key (elements_id) references Element;
      alter table if exists owner_element add constraint FKem1n0kojpqpssp6gqos7r9hql foreign key (Owner_id) references Owner;
      alter table if exists owner_tag add constraint FKhqsltm3mrsbxkmmk3pr2wsu9j foreign key (Owner_id) references Owner;
      """;

  /** Hibernate 7.4.6.Final's script, with the set of basics keyed as a hand-written schema often keys it. */
  static final String HIBERNATE_7_TAG_KEY = """
      create table Element (id bigint not null, primary key (id));
      create table Owner (id bigint not null, primary key (id));
      create table owner_alias (Owner_id bigint not null, alias varchar(255) not null, primary key (Owner_id, alias));
      create table owner_element (Owner_id bigint not null, elements_id bigint not null, primary key (elements_id));
      create table owner_tag (Owner_id bigint not null, tag varchar(255) not null, primary key (Owner_id, tag));
      alter table if exists owner_alias add constraint FK1sdh6rgbrkswxlisl118ghbtg foreign key (Owner_id) references Owner;
      alter table if exists owner_element add constraint FKhtmu0j3e73iwqb9na9ljcr9bg foreign key (elements_id) references Element;
      alter table if exists owner_element add constraint FKem1n0kojpqpssp6gqos7r9hql foreign key (Owner_id) references Owner;
      alter table if exists owner_tag add constraint FKhqsltm3mrsbxkmmk3pr2wsu9j foreign key (Owner_id) references Owner;
      """;

  private static final String KEYS = "select conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)"
      + " from pg_constraint where conrelid in ('owner_element'::regclass, 'owner_tag'::regclass) and contype in ('p', 'u')"
      + " order by 1";

  @Test
  void aDatabaseBuiltByHibernate66KeepsItsJoinTableKeys(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("keys_h66")) {
      LiveProject project = LiveProject.start(db, dir, ENTITIES, HIBERNATE_66);

      Cli.Result json = project.run("diff", "--format", "json");
      assertThat(json.code()).as(json.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(json.out());
      // Only the set of basics differs for real: 7.x keys it, 6.6 did not. No key of the join table churns.
      assertThat(kinds(report)).containsExactly("add_unique owner_tag");
      assertThat(unmanaged(report)).containsExactly("primary-keys owner_element owner_element_pkey");

      project.generate("tag uniqueness");
      assertThat(Files.readString(project.single("V2__"))).doesNotContain("owner_element_pkey;")
          .doesNotContain("add primary key").contains("primary key (owner_id, elements_id) (the entities declare");
      project.migrate();
      assertThat(project.rows(KEYS)).containsExactly(
          "owner_element p PRIMARY KEY (owner_id, elements_id)", "owner_element u UNIQUE (elements_id)",
          "owner_tag u UNIQUE (owner_id, tag)");
      Cli.Result check = project.run("check");
      assertThat(check.code()).as("converged: " + check.out() + check.err()).isZero();
      assertThat(check.out()).contains("1 primary-keys");
    }
  }

  @Test
  void aDatabasePrimaryKeySatisfiesTheEntitiesUniqueAndIsDroppedOnlyWhenAsked(@TempDir Path dir) throws Exception {
    try (TestDatabase db = TestDatabase.create("keys_h7")) {
      LiveProject project = LiveProject.start(db, dir, ENTITIES, HIBERNATE_7_TAG_KEY);

      Cli.Result check = project.run("check");
      assertThat(check.code()).as("no drift: " + check.out() + check.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(project.run("diff", "--format", "json").out());
      assertThat(unmanaged(report)).containsExactly("primary-keys owner_tag owner_tag_pkey");
      assertThat(report.get("keptStricter").toString()).contains("owner_tag").contains("tag");

      Cli.Result dropping = project.run("check", "--drop-unmanaged", "primary-keys");
      assertThat(dropping.code()).as(dropping.out() + dropping.err()).isEqualTo(1);
      Cli.Result generated = project.run("generate", "-m", "tag key as the entities have it",
          "--drop-unmanaged", "primary-keys");
      assertThat(generated.code()).as(generated.out() + generated.err()).isZero();
      assertThat(Files.readString(project.single("V2__"))).contains("drop constraint owner_tag_pkey");
      project.migrate();
      assertThat(project.rows(KEYS)).containsExactly(
          "owner_element p PRIMARY KEY (elements_id)", "owner_tag u UNIQUE (owner_id, tag)");
      Cli.Result after = project.run("check", "--drop-unmanaged", "primary-keys");
      assertThat(after.code()).as("converged: " + after.out() + after.err()).isZero();
    }
  }

  private static List<String> kinds(JsonNode report) {
    List<String> kinds = new ArrayList<>();
    report.get("changes").forEach(c -> kinds.add(c.get("kind").asText() + " " + c.get("table").asText()));
    return kinds;
  }

  private static List<String> unmanaged(JsonNode report) {
    List<String> objects = new ArrayList<>();
    report.get("unmanaged").forEach(u -> objects.add(u.get("kind").asText() + " " + u.get("table").asText() + " "
        + u.get("name").asText()));
    return objects;
  }
}
