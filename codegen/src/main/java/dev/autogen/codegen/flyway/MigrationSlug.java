package dev.autogen.codegen.flyway;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The description part of a migration file name, made from the user's message: Flyway takes it
 * from the file name ({@code __} then words separated by {@code _}), so it must be safe on every
 * file system and in every shell.
 */
public final class MigrationSlug {

  /** The longest slug written. */
  public static final int MAX_LENGTH = 60;
  /** The slug of a message that has no letter or digit. */
  public static final String FALLBACK = "migration";

  private MigrationSlug() {}

  /**
   * @param message the migration message, e.g. {@code Add bio column!}; may be null
   * @return e.g. {@code add_bio_column}: accents removed, lower-case ASCII letters and digits, each
   *     run of other characters one {@code _}, no leading or trailing {@code _}, at most {@link
   *     #MAX_LENGTH} characters; {@link #FALLBACK} when nothing is left; never empty
   */
  public static String of(String message) {
    if (message == null) {
      return FALLBACK;
    }
    String ascii = Normalizer.normalize(message, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("_+$", "");
    }
    return slug.isEmpty() ? FALLBACK : slug;
  }
}
