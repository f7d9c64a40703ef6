package dev.autogen.codegen.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.autogen.codegen.text.VisibleText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Mustache templates for SQL files, loaded from the class path under {@code templates/}. Templates only
 * lay a file out: all SQL comes in as values. The two Mustache tags are the file's two contexts:
 *
 * <ul>
 *   <li>{@code {{{x}}}} writes SQL from the renderer unchanged (the renderer owns SQL and has quoted
 *       every name and literal in it);
 *   <li>{@code {{x}}} writes text for a {@code --} comment line (a message, a name, a check
 *       expression, a hazard's message): Mustache's escaping, HTML by default ({@code &} to {@code
 *       &amp;}, which would corrupt it), is replaced by {@link VisibleText#oneLine(String)}, so that no
 *       value can end its comment line and put SQL of its own on the next one.
 * </ul>
 *
 * <p>This makes the template the single escaping boundary of a generated SQL file: a template that
 * wrote a comment value with {@code {{{x}}}} would bypass it (a test checks that the templates do not).
 */
public final class SqlTemplates {

  /** The class-path folder the templates live in. */
  public static final String ROOT = "templates";

  private final DefaultMustacheFactory factory = new VerbatimMustacheFactory();

  /** Creates a template set; compiled templates are cached per instance. Thread-safe. */
  public SqlTemplates() {}

  /**
   * @param template the template file name under {@link #ROOT}, e.g. {@code flyway-upgrade.sql.mustache}
   * @param scope the values the template reads (records, maps, lists), never null
   * @return the rendered text
   * @throws com.github.mustachejava.MustacheNotFoundException when the template does not exist
   */
  public String render(String template, Object scope) {
    Mustache mustache = factory.compile(template);
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /** A factory whose {@code encode} (the {@code {{x}}} tag) writes values as one visible comment line. */
  private static final class VerbatimMustacheFactory extends DefaultMustacheFactory {
    VerbatimMustacheFactory() {
      super(ROOT);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(VisibleText.oneLine(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
