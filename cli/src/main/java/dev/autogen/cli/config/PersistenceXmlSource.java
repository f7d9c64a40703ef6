package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The persistence units of a JPA {@code META-INF/persistence.xml} (Jakarta Persistence 3.2, "8.2.1
 * persistence.xml file"): each unit's classes, jar files, mapping files, {@code
 * <exclude-unlisted-classes>} and {@code <properties>} (which the provider receives with its other
 * settings). Which unit the application boots is chosen by {@link #select}. Parsed by {@link
 * XmlDocuments}.
 */
final class PersistenceXmlSource {

  /** Where a persistence unit root holds its descriptor. */
  static final String RESOURCE = "META-INF/persistence.xml";

  private PersistenceXmlSource() {}

  /**
   * @param text the file's content
   * @param name the file's name for messages and sources
   * @param root the class path entry holding the file (the units' root), null when unknown
   * @return the units in document order; none when the file declares none
   * @throws AutogenException with {@link ExitCode#USAGE} when the text is not well-formed XML
   */
  static List<PersistenceUnit> read(String text, String name, Path root) {
    Document document;
    try {
      document = XmlDocuments.parse(new InputSource(new StringReader(text)));
    } catch (SAXException | IOException e) {
      throw new AutogenException(ExitCode.USAGE, name + ": not a persistence.xml: " + XmlDocuments.message(e), e);
    }
    List<String> lines = text.lines().toList();
    NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
    List<PersistenceUnit> read = new ArrayList<>();
    for (int u = 0; u < units.getLength(); u++) {
      Element unit = (Element) units.item(u);
      String unitName = unit.getAttribute("name").trim();
      int from = unitLine(lines, unitName);
      List<Setting> settings = new ArrayList<>();
      NodeList properties = unit.getElementsByTagNameNS("*", "property");
      for (int i = 0; i < properties.getLength(); i++) {
        Element property = (Element) properties.item(i);
        String key = property.getAttribute("name").trim();
        if (!key.isEmpty()) {
          settings.add(new Setting(key, property.getAttribute("value"), name + lineOf(lines, key, from)));
        }
      }
      List<String> exclude = texts(unit, "exclude-unlisted-classes");
      read.add(new PersistenceUnit(unitName, texts(unit, "class"), texts(unit, "jar-file"),
          texts(unit, "mapping-file"), !exclude.isEmpty() && !exclude.get(0).equalsIgnoreCase("false"), settings, name,
          root));
    }
    return read;
  }

  /**
   * Picks the unit the application boots.
   *
   * @param units every unit of every {@value #RESOURCE} on the class path, in class path order
   * @param requested the name given with {@code --persistence-unit}, null when none
   * @return the unit named {@code requested}; without a name the only unit; null when there is none
   * @throws AutogenException with {@link ExitCode#USAGE} when the requested unit does not exist, or when
   *     there are several and none is named (the message lists the names)
   */
  static PersistenceUnit select(List<PersistenceUnit> units, String requested) {
    String names = String.join(", ", units.stream().map(u -> "'" + u.name() + "'").toList());
    if (requested != null && !requested.isBlank()) {
      return units.stream().filter(u -> u.name().equals(requested.trim())).findFirst().orElseThrow(() ->
          new AutogenException(ExitCode.USAGE, "--persistence-unit " + requested + ": " + (units.isEmpty()
              ? "there is no " + RESOURCE + " on the class path" : "no such unit in " + RESOURCE + " (units: " + names
              + ")")));
    }
    if (units.size() > 1) {
      throw new AutogenException(ExitCode.USAGE, RESOURCE + " declares " + units.size() + " persistence units ("
          + names + "): name the one to read with --persistence-unit NAME");
    }
    return units.isEmpty() ? null : units.get(0);
  }

  /** @return the trimmed texts of the unit's direct children of that local name */
  private static List<String> texts(Element unit, String localName) {
    List<String> texts = new ArrayList<>();
    for (Node child = unit.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && localName.equals(e.getLocalName())
          && (!e.getTextContent().isBlank() || localName.equals("exclude-unlisted-classes"))) {
        texts.add(e.getTextContent().strip());
      }
    }
    return texts;
  }

  /** @return the index of the line that opens the unit of that name, 0 when not found */
  private static int unitLine(List<String> lines, String unitName) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("persistence-unit") && (line.contains("\"" + unitName + "\"") || line.contains("'" + unitName + "'"))) {
        return i;
      }
    }
    return 0;
  }

  private static String lineOf(List<String> lines, String key, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains("\"" + key + "\"") || lines.get(i).contains("'" + key + "'")) {
        return ":" + (i + 1);
      }
    }
    return "";
  }
}
