package dev.autogen.bench.peer;

import dev.autogen.bench.JavaCommand;
import dev.autogen.bench.Peer;
import dev.autogen.bench.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Liquibase row: the {@code bench/liquibase-peer} module's jar ({@code
 * dev.autogen.bench.liquibase.LiquibaseHibernateDiff}, Liquibase's {@code diffChangelog} with
 * liquibase-hibernate6) in a JVM of its own, on the class path of that jar's {@code lib} folder:
 * Hibernate 6 there, never autogen's Hibernate 7. Changes reported: the changelog's changesets.
 *
 * @param jar the peer module's jar, e.g. {@code bench/liquibase-peer/target/autogen-bench-liquibase-peer.jar}
 * @param javaOptions JVM options for the tool (issue 3 needed {@code -Xss1g} at 1,000 tables), never null
 */
public record LiquibasePeer(Path jar, List<String> javaOptions) implements Peer {

  /** The name in {@code --peers}. */
  public static final String NAME = "liquibase";

  /** Where {@code ./mvnw -Pbench-peers ... install} puts the jar, from the repository root. */
  public static final Path DEFAULT_JAR = Path.of("bench/liquibase-peer/target/autogen-bench-liquibase-peer.jar");

  private static final Pattern CHANGESET = Pattern.compile("<changeSet\\b");

  /** @throws NullPointerException when an argument is null */
  public LiquibasePeer {
    java.util.Objects.requireNonNull(jar, "jar");
    javaOptions = List.copyOf(javaOptions);
  }

  /** @return whether the jar is built */
  public boolean available() {
    return Files.isRegularFile(jar);
  }

  /** @return e.g. {@code Liquibase 4.33.0 + liquibase-hibernate6 4.33.0 (Hibernate 6.6.15.Final)} */
  @Override
  public String label() {
    return "Liquibase " + libraryVersion("liquibase-core") + " + liquibase-hibernate6 "
        + libraryVersion("liquibase-hibernate6") + " (Hibernate " + libraryVersion("hibernate-core")
        + ")" + PeerLabels.options(javaOptions);
  }

  @Override
  public List<String> command(Subject subject) {
    List<String> launch = new ArrayList<>(List.of("-jar", jar.toString()));
    launch.addAll(subject.arguments());
    return JavaCommand.of(javaOptions, launch);
  }

  /** Counts the {@code <changeSet>} elements of the XML changelog. */
  @Override
  public int changesReported(String stdout) {
    Matcher m = CHANGESET.matcher(stdout);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** @return the version in the name of {@code lib/ARTIFACT-VERSION.jar} beside the jar, or {@code ?} */
  private String libraryVersion(String artifact) {
    Pattern name = Pattern.compile(Pattern.quote(artifact) + "-(\\d[^-]*(?:-[A-Za-z]+)?)\\.jar");
    Path lib = jar.toAbsolutePath().resolveSibling("lib");
    try (Stream<Path> files = Files.list(lib)) {
      return files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .map(m -> m.group(1)).findFirst().orElse("?");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + lib, e);
    }
  }
}
