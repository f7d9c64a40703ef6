package dev.autogen.cli.config;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ExitCode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The {@code <properties>} of the persistence unit of a JPA {@code META-INF/persistence.xml} (Jakarta
 * Persistence 3.2, "8.2.1 persistence.xml file"), which the provider receives with its other settings.
 * Only a file with exactly one persistence unit is read: with several, which one the application boots
 * is not for autogen to guess (its settings are then left out, and {@code autogen config} shows none of
 * them). Parsed with the JDK's DOM parser, DTDs and external entities refused.
 */
final class PersistenceXmlSource {

  private PersistenceXmlSource() {}

  /**
   * @param text the file's content
   * @param name the file's name for messages and sources
   * @return the unit's properties in document order, each with source {@code name:line}; none when the
   *     file declares no unit or several
   * @throws AutogenException with {@link ExitCode#USAGE} when the text is not well-formed XML
   */
  static List<Setting> read(String text, String name) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new InputSource(new StringReader(text)));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new AutogenException(ExitCode.USAGE, name + ": not a persistence.xml: "
          + String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " "), e);
    }
    NodeList units = document.getElementsByTagNameNS("*", "persistence-unit");
    if (units.getLength() != 1) {
      return List.of();
    }
    List<String> lines = text.lines().toList();
    List<Setting> settings = new ArrayList<>();
    NodeList properties = ((Element) units.item(0)).getElementsByTagNameNS("*", "property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element property = (Element) properties.item(i);
      String key = property.getAttribute("name").trim();
      if (!key.isEmpty()) {
        settings.add(new Setting(key, property.getAttribute("value"), name + lineOf(lines, key)));
      }
    }
    return settings;
  }

  private static String lineOf(List<String> lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"" + key + "\"") || lines.get(i).contains("'" + key + "'")) {
        return ":" + (i + 1);
      }
    }
    return "";
  }
}
