package dev.autogen.cli.config;

import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the XML files of an application (persistence.xml, pom.xml) with the JDK's DOM parser,
 * namespace aware, with secure processing on and DTDs (so external entities) refused; nothing is
 * printed on a parse error.
 */
public final class XmlDocuments {

  private XmlDocuments() {}

  /**
   * @param input the document, never null
   * @return the parsed document
   * @throws SAXException when it is not well-formed XML or declares a DTD
   * @throws IOException when it cannot be read
   */
  public static Document parse(InputSource input) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(input);
    } catch (ParserConfigurationException e) {
      // the JDK's parser supports both features (JAXP secure processing; Xerces' disallow-doctype-decl)
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param e a parse error
   * @return its message on one line
   */
  public static String message(Exception e) {
    return String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
  }
}
