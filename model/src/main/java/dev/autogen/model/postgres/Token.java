package dev.autogen.model.postgres;

import java.util.Objects;

/**
 * One lexical token of an SQL expression.
 *
 * @param kind what the token is
 * @param text for {@link Kind#STRING} the decoded value; for {@link Kind#IDENTIFIER} the exact name
 *     inside the quotes; for {@link Kind#WORD} the word folded to lower case; otherwise the token's
 *     characters ({@code !=} already spelled {@code <>})
 * @param position the offset of the token's first character in the input, for messages
 */
record Token(Kind kind, String text, int position) {

  /** Token kinds of PostgreSQL's lexer ("4.1. Lexical Structure") that expressions use. */
  enum Kind {
    /** A string constant: {@code 'x'}, {@code E'x'}, {@code $$x$$}. */
    STRING,
    /** A quoted identifier: {@code "Name"}. */
    IDENTIFIER,
    /** A key word or unquoted identifier. */
    WORD,
    /** A numeric constant as written, without sign. */
    NUMBER,
    /** An operator: {@code =}, {@code <>}, {@code ||}, {@code ~~*}, ... */
    OPERATOR,
    /** One of {@code ( ) [ ] , . ::}. */
    PUNCTUATION,
    /** The end of the input. */
    END
  }

  /** @throws NullPointerException when kind or text is null */
  Token {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /**
   * @param k a kind
   * @param t a text
   * @return whether this token is of kind k with text t
   */
  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  /**
   * @param word a lower-case word
   * @return whether this token is that unquoted word
   */
  boolean isWord(String word) {
    return is(Kind.WORD, word);
  }

  /**
   * @param punctuation one of {@code ( ) [ ] , . ::}
   * @return whether this token is that punctuation
   */
  boolean isPunctuation(String punctuation) {
    return is(Kind.PUNCTUATION, punctuation);
  }
}
