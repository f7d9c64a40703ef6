package dev.autogen.bench.peer;

import dev.autogen.bench.Peer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The peers a benchmark run measures, from its {@code --peers} option. */
public final class Peers {

  private Peers() {}

  /**
   * @param spec a comma-separated list of {@code NAME[:JVM_OPTIONS]}, NAME one of {@value
   *     HibernatePeer#NAME} and {@value LiquibasePeer#NAME}, the JVM options separated by spaces, e.g.
   *     {@code hibernate,liquibase,liquibase:-Xss1g} (a tool may be listed more than once, with other
   *     options); {@code none} for no peer
   * @param liquibaseJar the Liquibase peer's jar
   * @return the peers in the order given
   * @throws IllegalArgumentException when a name is unknown, or the Liquibase jar is asked for but not built
   */
  public static List<Peer> parse(String spec, Path liquibaseJar) {
    List<Peer> peers = new ArrayList<>();
    if (spec.strip().equals("none")) {
      return peers;
    }
    for (String entry : spec.split(",")) {
      int colon = entry.indexOf(':');
      String name = (colon < 0 ? entry : entry.substring(0, colon)).strip();
      List<String> options = colon < 0 ? List.of()
          : Arrays.stream(entry.substring(colon + 1).strip().split("\\s+")).filter(o -> !o.isEmpty()).toList();
      peers.add(switch (name) {
        case HibernatePeer.NAME -> new HibernatePeer(options);
        case LiquibasePeer.NAME -> requireBuilt(new LiquibasePeer(liquibaseJar, options));
        default -> throw new IllegalArgumentException("unknown peer " + name + ": use " + HibernatePeer.NAME
            + " or " + LiquibasePeer.NAME);
      });
    }
    return peers;
  }

  /**
   * @param liquibaseJar the Liquibase peer's jar
   * @return Hibernate's schema update, and Liquibase's when its jar is built
   */
  public static List<Peer> defaults(Path liquibaseJar) {
    LiquibasePeer liquibase = new LiquibasePeer(liquibaseJar, List.of());
    return liquibase.available() ? List.of(new HibernatePeer(List.of()), liquibase)
        : List.of(new HibernatePeer(List.of()));
  }

  private static LiquibasePeer requireBuilt(LiquibasePeer peer) {
    if (!peer.available()) {
      throw new IllegalArgumentException("no Liquibase peer at " + peer.jar() + ": build it with ./mvnw -q"
          + " -Pbench-peers -pl bench/liquibase-peer -am install -DskipTests, or pass --liquibase-peer JAR");
    }
    return peer;
  }
}
