package dev.autogen.bench.peer;

import dev.autogen.bench.JavaCommand;
import dev.autogen.bench.Peer;
import dev.autogen.bench.Subject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Version;

/**
 * The Hibernate row: {@link HibernateSchemaUpdate} in a JVM of its own, on the benchmark's own class
 * path (which holds hibernate-core). Changes reported: the update script's statements.
 *
 * @param javaOptions JVM options for the tool, never null
 */
public record HibernatePeer(List<String> javaOptions) implements Peer {

  /** The name in {@code --peers}. */
  public static final String NAME = "hibernate";

  /** @throws NullPointerException when javaOptions is null */
  public HibernatePeer {
    javaOptions = List.copyOf(javaOptions);
  }

  @Override
  public String label() {
    return "Hibernate " + Version.getVersionString() + " schema update" + PeerLabels.options(javaOptions);
  }

  @Override
  public List<String> command(Subject subject) {
    List<String> launch = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
        HibernateSchemaUpdate.class.getName()));
    launch.addAll(subject.arguments());
    return JavaCommand.of(javaOptions, launch);
  }

  /** Counts the statements: {@link HibernateSchemaUpdate} prints one a line, ending in {@code ;}. */
  @Override
  public int changesReported(String stdout) {
    return (int) stdout.lines().filter(l -> l.strip().endsWith(";")).count();
  }
}
