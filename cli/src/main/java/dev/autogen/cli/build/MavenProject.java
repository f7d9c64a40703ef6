package dev.autogen.cli.build;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import dev.autogen.cli.config.XmlDocuments;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Maven project as autogen needs it to find the application's class path: its {@code pom.xml}, the
 * output directory its build compiles into, and the files whose change can change its class path.
 * The pom is read as written, not as Maven's effective model: {@code <build><outputDirectory>} (else
 * {@code <build><directory>}{@code /classes}, else {@code target/classes}) with {@code ${project.basedir}},
 * {@code ${basedir}} and {@code ${project.build.directory}} replaced; an output directory set only in a
 * parent pom or a profile is not seen (pass {@code --classpath} then).
 *
 * @param directory the project's directory (the one holding {@code pom.xml}), never null
 */
public record MavenProject(Path directory) {

  /** The project descriptor's file name. */
  public static final String POM = "pom.xml";

  /** How many parent poms are followed, at most. */
  private static final int MAX_PARENTS = 16;

  /**
   * @param directory a directory, never null
   * @return the Maven project there, when it holds a {@value #POM}
   */
  public static Optional<MavenProject> in(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    return Files.isRegularFile(absolute.resolve(POM)) ? Optional.of(new MavenProject(absolute)) : Optional.empty();
  }

  /** @return the project's {@value #POM}, never null */
  public Path pom() {
    return directory.resolve(POM);
  }

  /**
   * @return the directory the project's classes are compiled into, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when the pom cannot be read
   */
  public Path outputDirectory() {
    Element build = child(parse(pom()).getDocumentElement(), "build");
    String output = text(build, "outputDirectory");
    String target = Optional.ofNullable(text(build, "directory")).map(this::interpolate).orElse("target");
    String path = output != null ? interpolate(output).replace("${project.build.directory}", target) : target + "/classes";
    return directory.resolve(path).normalize();
  }

  /** @return whether the pom's packaging is {@code pom} (an aggregator or parent, which compiles nothing) */
  public boolean aggregator() {
    return "pom".equals(text(parse(pom()).getDocumentElement(), "packaging"));
  }

  /**
   * @return the files a change of which may change the class path: the project's pom, its parent poms
   *     found on disk (by {@code <parent><relativePath>}, default {@code ../pom.xml}), and every file of
   *     the {@code .mvn/} directory of the project or of the nearest directory above it that has one
   *     (Maven's {@code maven.config}, {@code jvm.config}, {@code extensions.xml}, the wrapper's
   *     properties); in that order, never null
   * @throws AutogenException with {@link ExitCode#USAGE} when a pom cannot be read
   */
  public List<Path> buildFiles() {
    List<Path> files = new ArrayList<>(List.of(pom()));
    Path pom = pom();
    for (int i = 0; i < MAX_PARENTS; i++) {
      Element parent = child(parse(pom).getDocumentElement(), "parent");
      if (parent == null) {
        break;
      }
      Element relative = child(parent, "relativePath");
      String path = relative == null ? "../pom.xml" : relative.getTextContent().strip();
      Path next = path.isEmpty() ? null : pom.getParent().resolve(path).normalize();
      if (next != null && Files.isDirectory(next)) {
        next = next.resolve(POM);
      }
      if (next == null || !Files.isRegularFile(next) || files.contains(next)) {
        break;
      }
      files.add(next);
      pom = next;
    }
    for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path mvn = dir.resolve(".mvn");
      if (Files.isDirectory(mvn)) {
        try (Stream<Path> config = Files.walk(mvn)) {
          config.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".jar")).sorted()
              .forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new AutogenException(ExitCode.USAGE, "cannot read " + mvn + ": " + e.getMessage(), e);
        }
        break;
      }
    }
    return List.copyOf(files);
  }

  private String interpolate(String value) {
    String base = directory.toAbsolutePath().normalize().toString();
    return value.strip().replace("${project.basedir}", base).replace("${basedir}", base);
  }

  private static org.w3c.dom.Document parse(Path pom) {
    try {
      return XmlDocuments.parse(new InputSource(pom.toUri().toString()));
    } catch (SAXException | IOException e) {
      throw new AutogenException(ExitCode.USAGE, pom + ": not a readable pom (" + XmlDocuments.message(e)
          + "): fix it, or pass --classpath", e);
    }
  }

  /** @return the first direct child element of that local name, or null */
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null || child.getTextContent().isBlank() ? null : child.getTextContent().strip();
  }
}
