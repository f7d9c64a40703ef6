package dev.autogen.model.postgres;

/**
 * Thrown by {@link ExpressionLexer} and {@link ExpressionParser} when a text is not an expression of
 * the supported subset. {@link PostgresExpressions#normalize(String)} catches it and falls back to
 * plain text normalisation, so it never reaches callers of the public API.
 */
final class ExpressionSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was expected and where (a character or token position)
   */
  ExpressionSyntaxException(String message) {
    super(message);
  }
}
