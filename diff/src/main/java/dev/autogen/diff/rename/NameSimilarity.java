package dev.autogen.diff.rename;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How alike two identifiers are, in [0, 1], for names spelled in snake_case, camelCase or both.
 *
 * <p>Each name is split into lower-case words at underscores, other non-alphanumeric characters and
 * camelCase humps ({@code fullName} and {@code full_name} are both {@code full name}). Names whose
 * words joined without separators are equal ({@code fullname}, {@code full_name}, {@code FullName})
 * score 1. Otherwise the score is half the Jaro-Winkler similarity of the joined words (which
 * rewards a common beginning), a quarter the Levenshtein similarity (1 - edit distance / longer
 * length: how much must be retyped), and a quarter the Dice coefficient of the word sets (a word
 * kept, as {@code name} in {@code full_name} and {@code display_name}). Both distances are Apache
 * Commons Text's.
 *
 * <p>What it proves: only that the spellings are alike. {@code created_at} and {@code updated_at} are
 * alike and are not a rename; {@code email} and {@code contact_address} are not alike and may be.
 */
final class NameSimilarity {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private NameSimilarity() {}

  /**
   * @param a one name, never null
   * @param b another name, never null
   * @return the similarity in [0, 1]; 1 for names of the same words
   */
  static double of(String a, String b) {
    List<String> wordsA = words(a);
    List<String> wordsB = words(b);
    String joinedA = String.join("", wordsA);
    String joinedB = String.join("", wordsB);
    if (joinedA.equals(joinedB)) {
      return 1;
    }
    int longer = Math.max(joinedA.length(), joinedB.length());
    double edits = 1 - (double) LEVENSHTEIN.apply(joinedA, joinedB) / longer;
    return 0.5 * JARO_WINKLER.apply(joinedA, joinedB) + 0.25 * edits + 0.25 * dice(wordsA, wordsB);
  }

  /**
   * @param name an identifier
   * @return its words in lower case: split at non-alphanumeric characters and before an upper-case
   *     letter that follows a lower-case letter or digit
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char previous = 0;
    for (char c : name.toCharArray()) {
      boolean hump = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
      if (!Character.isLetterOrDigit(c) || hump) {
        flush(word, words);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
      previous = c;
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }

  private static double dice(List<String> a, List<String> b) {
    Set<String> setA = new HashSet<>(a);
    Set<String> setB = new HashSet<>(b);
    if (setA.isEmpty() && setB.isEmpty()) {
      return 1;
    }
    Set<String> both = new HashSet<>(setA);
    both.retainAll(setB);
    return 2.0 * both.size() / (setA.size() + setB.size());
  }
}
