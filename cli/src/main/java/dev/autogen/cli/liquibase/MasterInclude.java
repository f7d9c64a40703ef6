package dev.autogen.cli.liquibase;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * One {@code include} appended to the text of a master changelog, in the master's own format and
 * indentation, everything else in the file left as it was (comments, order, quoting): an XML {@code
 * <include file="..."/>} before the closing {@code </databaseChangeLog>}, a YAML {@code - include:} item at
 * the end of the list, a JSON {@code {"include": {...}}} object at the end of the array. The path is
 * escaped for the format (XML attribute, YAML single-quoted scalar, JSON string). The result is text only:
 * the caller has Liquibase parse it before it replaces the master, so that a master this cannot edit is
 * refused rather than damaged.
 */
public final class MasterInclude {

  private static final Pattern XML_END = Pattern.compile("</databaseChangeLog\\s*>");
  private static final Pattern XML_ITEM = Pattern.compile("(?m)^([ \\t]*)<(?:include|includeAll|changeSet)\\b");
  private static final Pattern YAML_ITEM = Pattern.compile("(?m)^([ \\t]*)-[ \\t]+(?:include|includeAll|changeSet)[ \\t]*:");
  private static final Pattern JSON_ITEM = Pattern.compile("(?m)^([ \\t]*)\\{[ \\t]*\"(?:include|includeAll|changeSet)\"");

  private MasterInclude() {}

  /**
   * @param master the master changelog's text, never null
   * @param format the master's format: {@code xml}, {@code yaml}, {@code yml} or {@code json}
   * @param file the included changelog's path as Liquibase resolves it from the changelog root (not relative
   *     to the master), {@code /} separators, never null
   * @return the master's text with the include appended
   * @throws IllegalArgumentException when the format is none of those, or the text has no place for the
   *     include (no closing {@code databaseChangeLog} element, no JSON array)
   */
  public static String append(String master, String format, String file) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "xml" -> xml(master, file);
      case "yaml", "yml" -> yaml(master, file);
      case "json" -> json(master, file);
      default -> throw new IllegalArgumentException("an include can be added to an XML, YAML or JSON master, not "
          + format);
    };
  }

  private static String xml(String master, String file) {
    Matcher end = XML_END.matcher(master);
    int at = -1;
    while (end.find()) {
      at = end.start();
    }
    if (at < 0) {
      throw new IllegalArgumentException("no closing </databaseChangeLog> element");
    }
    int lineStart = master.lastIndexOf('\n', at - 1) + 1;
    boolean ownLine = master.substring(lineStart, at).isBlank();
    String line = indent(XML_ITEM, master, "    ") + "<include file=\"" + StringEscapeUtils.escapeXml10(file)
        + "\" relativeToChangelogFile=\"false\"/>\n";
    return ownLine ? master.substring(0, lineStart) + line + master.substring(lineStart)
        : master.substring(0, at) + "\n" + line + master.substring(at);
  }

  private static String yaml(String master, String file) {
    String indent = indent(YAML_ITEM, master, "  ");
    String body = master.endsWith("\n") || master.isEmpty() ? master : master + "\n";
    return body + indent + "- include:\n" + indent + "    file: '" + file.replace("'", "''") + "'\n";
  }

  private static String json(String master, String file) {
    int close = master.lastIndexOf(']');
    if (close < 0) {
      throw new IllegalArgumentException("no JSON array");
    }
    int before = close - 1;
    while (before >= 0 && Character.isWhitespace(master.charAt(before))) {
      before--;
    }
    boolean empty = before >= 0 && master.charAt(before) == '[';
    String item = indent(JSON_ITEM, master, "    ") + "{\"include\": {\"file\": \""
        + new String(JsonStringEncoder.getInstance().quoteAsString(file)) + "\"}}";
    return master.substring(0, before + 1) + (empty ? "" : ",") + "\n" + item + "\n" + indentOfClose(master, close)
        + master.substring(close);
  }

  /** @return the whitespace before the array's closing bracket when it starts its line, else nothing */
  private static String indentOfClose(String master, int close) {
    int lineStart = master.lastIndexOf('\n', close - 1) + 1;
    String lead = master.substring(lineStart, close);
    return lead.isBlank() ? lead : "";
  }

  /** @return the indentation of the last list item the pattern finds, else the default */
  private static String indent(Pattern item, String text, String otherwise) {
    Matcher m = item.matcher(text);
    String indent = null;
    while (m.find()) {
      indent = m.group(1);
    }
    return indent == null ? otherwise : indent;
  }
}
