package dev.autogen.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.bench.Peer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersTest {

  @Test
  void parsesNamesWithJvmOptions(@TempDir Path dir) {
    List<Peer> peers = Peers.parse("hibernate, hibernate:-Xss1g -Xmx2g", dir.resolve("none.jar"));

    assertThat(peers).containsExactly(new HibernatePeer(List.of()), new HibernatePeer(List.of("-Xss1g", "-Xmx2g")));
    assertThat(peers.get(1).label()).startsWith("Hibernate 7.").endsWith("schema update (-Xss1g -Xmx2g)");
    assertThat(Peers.parse("none", dir.resolve("none.jar"))).isEmpty();
  }

  @Test
  void refusesUnknownNamesAndAnUnbuiltLiquibasePeer(@TempDir Path dir) {
    assertThatThrownBy(() -> Peers.parse("flyway", dir.resolve("none.jar")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown peer flyway");
    assertThatThrownBy(() -> Peers.parse("liquibase", dir.resolve("none.jar")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Pbench-peers");
    assertThat(Peers.defaults(dir.resolve("none.jar"))).containsExactly(new HibernatePeer(List.of()));
  }

  @Test
  void liquibaseCountsChangesetsAndNamesItsLibraries(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("target/peer.jar");
    java.nio.file.Files.createDirectories(dir.resolve("target/lib"));
    java.nio.file.Files.createFile(jar);
    for (String lib : List.of("liquibase-core-4.33.0.jar", "liquibase-hibernate6-4.33.0.jar",
        "hibernate-core-6.6.15.Final.jar", "hibernate-envers-6.6.15.Final.jar")) {
      java.nio.file.Files.createFile(dir.resolve("target/lib").resolve(lib));
    }
    LiquibasePeer peer = new LiquibasePeer(jar, List.of("-Xss1g"));

    assertThat(peer.label()).isEqualTo(
        "Liquibase 4.33.0 + liquibase-hibernate6 4.33.0 (Hibernate 6.6.15.Final) (-Xss1g)");
    assertThat(peer.changesReported("""
        <databaseChangeLog>
            <changeSet author="a" id="1"><addColumn tableName="t"/></changeSet>
            <changeSet author="a" id="2"><dropPrimaryKey tableName="t"/></changeSet>
        </databaseChangeLog>
        """)).isEqualTo(2);
  }
}
