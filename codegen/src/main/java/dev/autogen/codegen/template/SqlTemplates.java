package dev.autogen.codegen.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Mustache templates for SQL files, loaded from the class path under {@code templates/}. Mustache
 * escapes values for HTML by default ({@code &} to {@code &amp;}, {@code '} to {@code &#39;}),
 * which would corrupt SQL; here every value is written unchanged, whether in {@code {{x}}} or
 * {@code {{{x}}}}. Templates only lay a file out: all SQL comes in as values.
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

  /** A factory whose {@code encode} writes values as they are: no HTML escaping. */
  private static final class VerbatimMustacheFactory extends DefaultMustacheFactory {
    VerbatimMustacheFactory() {
      super(ROOT);
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
