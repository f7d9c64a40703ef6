package dev.autogen.codegen.liquibase;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.core.formattedsql.FormattedSqlChangeLogParser;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's own reader of formatted SQL changelogs ({@code FormattedSqlChangeLogParser}), reading a
 * text instead of a file, and its line patterns: what the layout checks its output against, so that
 * what Liquibase reads is exactly what was written.
 */
final class FormattedSqlReader extends FormattedSqlChangeLogParser {

  private final String text;

  /** @param text the changelog's text, never null */
  FormattedSqlReader(String text) {
    this.text = text;
  }

  /**
   * @param path the changelog's path, recorded in its changesets, never null
   * @return the changelog as Liquibase reads it, without changelog properties
   * @throws ChangeLogParseException when Liquibase rejects the text
   */
  DatabaseChangeLog read(String path) throws ChangeLogParseException {
    return parse(path, new ChangeLogParameters(), null);
  }

  @Override
  protected InputStream openChangeLogFile(String physicalChangeLogLocation, ResourceAccessor resourceAccessor) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param line a line of a changelog, without its line break, never null
   * @return whether Liquibase reads the line as markup of the format (a changeset, rollback, comment,
   *     precondition, property, ignore or checksum line, the first line), not as SQL or a plain comment;
   *     the patterns are the parser's own ({@code AbstractFormattedChangeLogParser})
   */
  static boolean isMarkup(String line) {
    return MARKUP.stream().anyMatch(p -> p.matcher(line).matches());
  }

  private static final List<Pattern> MARKUP;

  static {
    FormattedSqlReader r = new FormattedSqlReader("");
    MARKUP = List.of(r.FIRST_LINE_PATTERN, r.PROPERTY_PATTERN, r.ALT_PROPERTY_ONE_CHARACTER_PATTERN,
        r.CHANGE_SET_PATTERN, r.ALT_CHANGE_SET_ONE_CHARACTER_PATTERN, r.ALT_CHANGE_SET_NO_OTHER_INFO_PATTERN,
        r.ROLLBACK_PATTERN, r.ALT_ROLLBACK_ONE_CHARACTER_PATTERN, r.ROLLBACK_MULTI_LINE_START_PATTERN,
        r.PRECONDITIONS_PATTERN, r.ALT_PRECONDITIONS_ONE_CHARACTER_PATTERN, r.PRECONDITION_PATTERN,
        r.INVALID_EMPTY_PRECONDITION_PATTERN, r.ALT_PRECONDITION_ONE_CHARACTER_PATTERN, r.COMMENT_PATTERN,
        r.ALT_COMMENT_PLURAL_PATTERN, r.ALT_COMMENT_ONE_CHARACTER_PATTERN, r.VALID_CHECK_SUM_PATTERN,
        r.ALT_VALID_CHECK_SUM_ONE_CHARACTER_PATTERN, r.IGNORE_LINES_PATTERN,
        r.ALT_IGNORE_LINES_ONE_CHARACTER_PATTERN, r.ALT_IGNORE_PATTERN);
  }
}
