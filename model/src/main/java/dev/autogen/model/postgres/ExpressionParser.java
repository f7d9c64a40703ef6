package dev.autogen.model.postgres;

import dev.autogen.model.postgres.Expr.ArrayOf;
import dev.autogen.model.postgres.Expr.Between;
import dev.autogen.model.postgres.Expr.Binary;
import dev.autogen.model.postgres.Expr.Bool;
import dev.autogen.model.postgres.Expr.Call;
import dev.autogen.model.postgres.Expr.Case;
import dev.autogen.model.postgres.Expr.Cast;
import dev.autogen.model.postgres.Expr.Collate;
import dev.autogen.model.postgres.Expr.Distinct;
import dev.autogen.model.postgres.Expr.InList;
import dev.autogen.model.postgres.Expr.IsTest;
import dev.autogen.model.postgres.Expr.Keyword;
import dev.autogen.model.postgres.Expr.Name;
import dev.autogen.model.postgres.Expr.Not;
import dev.autogen.model.postgres.Expr.Num;
import dev.autogen.model.postgres.Expr.Quantified;
import dev.autogen.model.postgres.Expr.Str;
import dev.autogen.model.postgres.Expr.Subscript;
import dev.autogen.model.postgres.Expr.Unary;
import dev.autogen.model.postgres.Expr.When;
import dev.autogen.model.postgres.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Precedence-climbing parser for the expression subset of DDL, with the operator precedence of
 * PostgreSQL "4.1.6. Operator Precedence", Table 4.2 (lowest first): {@code OR}, {@code AND},
 * {@code NOT}, {@code IS}/{@code ISNULL}/{@code NOTNULL}, comparison ({@code = < > <= >= <>}),
 * {@code BETWEEN IN LIKE ILIKE SIMILAR}, any other operator, {@code + -}, {@code * / %}, {@code ^},
 * {@code COLLATE}, unary minus, {@code []}, {@code ::}.
 *
 * <p>Syntactic sugar is expanded the way {@code gram.y} expands it, so that the tree equals the one
 * for the catalog's deparsed form: {@code LIKE} is {@code ~~}; {@code x LIKE p ESCAPE e} is
 * {@code x ~~ like_escape(p, e)}; {@code x SIMILAR TO p} is {@code x ~ similar_to_escape(p)};
 * {@code EXTRACT(f FROM x)} is {@code extract('f', x)}; {@code POSITION(a IN b)} is
 * {@code position(b, a)}; {@code SUBSTRING(x FROM a FOR b)} is {@code substring(x, a, b)};
 * {@code TRIM(LEADING c FROM x)} is {@code ltrim(x, c)}; {@code date '2020-01-01'} is
 * {@code '2020-01-01'::date}; {@code ISNULL} is {@code IS NULL}.
 */
final class ExpressionParser {

  private static final int MAX_DEPTH = 200;
  private static final Set<String> COMPARISON = Set.of("=", "<>", "<", ">", "<=", ">=");
  private static final Set<String> VALUE_FUNCTIONS = Set.of("current_date", "current_time",
      "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "user",
      "current_role", "current_catalog", "current_schema");
  private static final Set<String> WITH_PRECISION =
      Set.of("current_time", "current_timestamp", "localtime", "localtimestamp");
  private static final Set<String> OPERATOR_WORDS = Set.of("is", "isnull", "notnull", "like", "ilike", "similar", "overlaps");
  private static final Set<String> SPECIAL_FUNCTIONS = Set.of("extract", "position", "substring", "trim");
  private static final Set<String> NEGATABLE_PREDICATES = Set.of("in", "between", "like", "ilike", "similar");

  private final List<Token> tokens;
  private int pos;
  private int depth;

  private ExpressionParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * @param text an SQL expression, never null
   * @return its syntax tree
   * @throws ExpressionSyntaxException when the text is not one expression of the supported subset
   *     (subqueries, row constructors, window functions, parameters and similar are not)
   */
  static Expr parse(String text) {
    ExpressionParser parser = new ExpressionParser(ExpressionLexer.tokenize(text));
    Expr expr = parser.expression();
    if (parser.peek().kind() != Kind.END) {
      throw parser.error("end of expression");
    }
    return expr;
  }

  private Expr expression() {
    return nested(this::or);
  }

  private Expr nested(Supplier<Expr> level) {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionSyntaxException("expression nested too deeply");
    }
    try {
      return level.get();
    } finally {
      depth--;
    }
  }

  private Expr or() {
    List<Expr> terms = new ArrayList<>(List.of(and()));
    while (acceptWord("or")) {
      terms.add(and());
    }
    return terms.size() == 1 ? terms.get(0) : new Bool(false, terms);
  }

  private Expr and() {
    List<Expr> terms = new ArrayList<>(List.of(not()));
    while (acceptWord("and")) {
      terms.add(not());
    }
    return terms.size() == 1 ? terms.get(0) : new Bool(true, terms);
  }

  private Expr not() {
    if (acceptWord("not")) {
      return new Not(nested(this::not));
    }
    return is();
  }

  private Expr is() {
    Expr e = comparison();
    while (true) {
      if (acceptWord("isnull")) {
        e = new IsTest(e, "null", false);
      } else if (acceptWord("notnull")) {
        e = new IsTest(e, "null", true);
      } else if (acceptWord("is")) {
        boolean negated = acceptWord("not");
        if (acceptWord("distinct")) {
          expectWord("from");
          e = new Distinct(e, comparison(), negated);
        } else {
          e = new IsTest(e, expectOneOf("null", "true", "false", "unknown"), negated);
        }
      } else {
        return e;
      }
    }
  }

  private Expr comparison() {
    Expr left = likeOrIn();
    Token t = peek();
    if (t.kind() == Kind.OPERATOR && COMPARISON.contains(t.text())) {
      pos++;
      return binary(t.text(), left, this::likeOrIn);
    }
    return left;
  }

  private Expr likeOrIn() {
    Expr left = other();
    boolean negated = peek().isWord("not") && peek(1).kind() == Kind.WORD
        && NEGATABLE_PREDICATES.contains(peek(1).text());
    if (negated) {
      pos++;
    }
    if (acceptWord("in")) {
      expectPunctuation("(");
      List<Expr> items = expressionList();
      expectPunctuation(")");
      return new InList(left, items, negated);
    }
    if (acceptWord("between")) {
      boolean symmetric = acceptWord("symmetric");
      if (!symmetric) {
        acceptWord("asymmetric");
      }
      Expr low = other();
      expectWord("and");
      return new Between(left, low, other(), negated, symmetric);
    }
    if (acceptWord("like")) {
      return like(negated ? "!~~" : "~~", left);
    }
    if (acceptWord("ilike")) {
      return like(negated ? "!~~*" : "~~*", left);
    }
    if (acceptWord("similar")) {
      expectWord("to");
      List<Expr> args = new ArrayList<>(List.of(other()));
      if (acceptWord("escape")) {
        args.add(other());
      }
      return new Binary(negated ? "!~" : "~", left, new Call(List.of("similar_to_escape"), args));
    }
    return left;
  }

  private Expr like(String op, Expr left) {
    if (quantifierAhead()) {
      return binary(op, left, this::other);
    }
    Expr pattern = other();
    if (acceptWord("escape")) {
      pattern = new Call(List.of("like_escape"), List.of(pattern, other()));
    }
    return new Binary(op, left, pattern);
  }

  private Expr other() {
    Expr left = additive();
    while (peek().kind() == Kind.OPERATOR && !COMPARISON.contains(peek().text())) {
      left = binary(next().text(), left, this::additive);
    }
    return left;
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (peek().is(Kind.OPERATOR, "+") || peek().is(Kind.OPERATOR, "-")) {
      left = binary(next().text(), left, this::multiplicative);
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = exponent();
    while (peek().is(Kind.OPERATOR, "*") || peek().is(Kind.OPERATOR, "/") || peek().is(Kind.OPERATOR, "%")) {
      left = binary(next().text(), left, this::exponent);
    }
    return left;
  }

  private Expr exponent() {
    Expr left = collate();
    while (peek().is(Kind.OPERATOR, "^")) {
      left = binary(next().text(), left, this::collate);
    }
    return left;
  }

  private Expr collate() {
    Expr e = unary();
    while (acceptWord("collate")) {
      e = new Collate(e, qualifiedName());
    }
    return e;
  }

  private Expr unary() {
    if (peek().is(Kind.OPERATOR, "-") || peek().is(Kind.OPERATOR, "+")) {
      String op = next().text();
      return new Unary(op, nested(this::unary));
    }
    return postfix();
  }

  private Expr postfix() {
    Expr e = primary();
    while (true) {
      if (acceptPunctuation("::")) {
        e = new Cast(e, type());
      } else if (acceptPunctuation("[")) {
        Expr index = expression();
        expectPunctuation("]");
        e = new Subscript(e, index);
      } else {
        return e;
      }
    }
  }

  /** {@code left op right}, or {@code left op ANY|SOME|ALL (array)}. */
  private Expr binary(String op, Expr left, Supplier<Expr> right) {
    if (quantifierAhead()) {
      boolean all = next().text().equals("all");
      expectPunctuation("(");
      Expr array = expression();
      expectPunctuation(")");
      return new Quantified(op, all, left, array);
    }
    return new Binary(op, left, nested(right));
  }

  private boolean quantifierAhead() {
    Token t = peek();
    return (t.isWord("any") || t.isWord("some") || t.isWord("all")) && peek(1).isPunctuation("(");
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case NUMBER -> {
        pos++;
        return Num.parse(t.text());
      }
      case STRING -> {
        pos++;
        return new Str(t.text());
      }
      case IDENTIFIER -> {
        return nameOrCall();
      }
      case WORD -> {
        return word(t.text());
      }
      case PUNCTUATION -> {
        if (acceptPunctuation("(")) {
          Expr e = expression();
          expectPunctuation(")");
          return e;
        }
        throw error("an operand");
      }
      default -> throw error("an operand");
    }
  }

  private Expr word(String word) {
    switch (word) {
      case "true" -> {
        pos++;
        return Keyword.TRUE;
      }
      case "false" -> {
        pos++;
        return Keyword.FALSE;
      }
      case "null" -> {
        pos++;
        return Keyword.NULL;
      }
      case "case" -> {
        return caseExpression();
      }
      case "cast" -> {
        pos++;
        expectPunctuation("(");
        Expr operand = expression();
        expectWord("as");
        TypeName type = type();
        expectPunctuation(")");
        return new Cast(operand, type);
      }
      case "array" -> {
        pos++;
        return array();
      }
      default -> {
        // fall through to the general forms below
      }
    }
    if (VALUE_FUNCTIONS.contains(word)) {
      return valueFunction(word);
    }
    if (PostgresIdentifiers.RESERVED.contains(word) || OPERATOR_WORDS.contains(word)) {
      throw error("an operand");
    }
    if (peek(1).isPunctuation("(")) {
      Expr special = specialFunction(word);
      if (special != null) {
        return special;
      }
    }
    Expr typed = typedLiteral();
    return typed != null ? typed : nameOrCall();
  }

  private Expr valueFunction(String word) {
    pos++;
    String name = word.equals("user") || word.equals("current_role") ? "current_user" : word;
    if (WITH_PRECISION.contains(word) && acceptPunctuation("(")) {
      Token precision = expect(Kind.NUMBER, "a precision");
      expectPunctuation(")");
      return new Keyword(name + "(" + precision.text() + ")");
    }
    if (word.equals("current_schema") && peek().isPunctuation("(") && peek(1).isPunctuation(")")) {
      pos += 2;
    }
    return new Keyword(name);
  }

  /**
   * The SQL-syntax forms of "9.4. String Functions" and "9.9.1. EXTRACT", or null when the word is
   * not one of them or its arguments use the plain call syntax (then the caller reads a plain call).
   */
  private Expr specialFunction(String word) {
    if (!SPECIAL_FUNCTIONS.contains(word)) {
      return null;
    }
    int start = pos;
    pos += 2;
    try {
      return switch (word) {
        case "extract" -> extract();
        case "position" -> position();
        case "substring" -> substring();
        default -> trim();
      };
    } catch (ExpressionSyntaxException e) {
      pos = start;
      return null;
    }
  }

  private Expr extract() {
    Token field = next();
    if (field.kind() != Kind.WORD && field.kind() != Kind.STRING && field.kind() != Kind.IDENTIFIER) {
      throw error("a field name");
    }
    expectWord("from");
    Expr source = expression();
    expectPunctuation(")");
    return new Call(List.of("extract"), List.of(new Str(field.text()), source));
  }

  private Expr position() {
    Expr needle = other();
    expectWord("in");
    Expr haystack = other();
    expectPunctuation(")");
    return new Call(List.of("position"), List.of(haystack, needle));
  }

  private Expr substring() {
    Expr string = expression();
    if (acceptPunctuation(",")) {
      List<Expr> args = new ArrayList<>(List.of(string));
      args.addAll(expressionList());
      expectPunctuation(")");
      return new Call(List.of("substring"), args);
    }
    Expr from = null;
    Expr count = null;
    for (int i = 0; i < 2; i++) {
      if (from == null && acceptWord("from")) {
        from = expression();
      } else if (count == null && acceptWord("for")) {
        count = expression();
      }
    }
    expectPunctuation(")");
    List<Expr> args = new ArrayList<>(List.of(string));
    if (from != null || count != null) {
      args.add(from != null ? from : new Num("1"));
    }
    if (count != null) {
      args.add(count);
    }
    return new Call(List.of("substring"), args);
  }

  private Expr trim() {
    String function = "btrim";
    if (acceptWord("leading")) {
      function = "ltrim";
    } else if (acceptWord("trailing")) {
      function = "rtrim";
    } else {
      acceptWord("both");
    }
    List<Expr> args;
    if (acceptWord("from")) {
      args = expressionList();
    } else {
      Expr first = expression();
      if (acceptWord("from")) {
        args = new ArrayList<>(expressionList());
        args.add(first);
      } else {
        args = new ArrayList<>(List.of(first));
        if (acceptPunctuation(",")) {
          args.addAll(expressionList());
        }
      }
    }
    expectPunctuation(")");
    return new Call(List.of(function), args);
  }

  /** {@code type 'string'} ("4.2.9. Type Casts"), or null when the tokens ahead are not one. */
  private Expr typedLiteral() {
    int start = pos;
    try {
      TypeName type = type();
      if (peek().kind() == Kind.STRING) {
        return new Cast(new Str(next().text()), type);
      }
    } catch (ExpressionSyntaxException e) {
      // not a type name: a column reference or function call
    }
    pos = start;
    return null;
  }

  private Expr nameOrCall() {
    List<String> name = qualifiedName();
    if (!acceptPunctuation("(")) {
      return new Name(name);
    }
    List<Expr> args = peek().isPunctuation(")") ? List.of() : expressionList();
    expectPunctuation(")");
    return new Call(name, args);
  }

  private Expr caseExpression() {
    expectWord("case");
    Expr subject = peek().isWord("when") ? null : expression();
    List<When> whens = new ArrayList<>();
    while (acceptWord("when")) {
      Expr condition = expression();
      expectWord("then");
      whens.add(new When(condition, expression()));
    }
    if (whens.isEmpty()) {
      throw error("WHEN");
    }
    Expr otherwise = acceptWord("else") ? expression() : null;
    expectWord("end");
    return new Case(subject, whens, otherwise);
  }

  private Expr array() {
    expectPunctuation("[");
    List<Expr> elements = new ArrayList<>();
    if (!acceptPunctuation("]")) {
      do {
        elements.add(peek().isPunctuation("[") ? nested(this::array) : expression());
      } while (acceptPunctuation(","));
      expectPunctuation("]");
    }
    return new ArrayOf(elements);
  }

  /**
   * A type name as in "8. Data Types": multi-word builtin names, modifiers, {@code with[out] time
   * zone}, array bounds.
   */
  private TypeName type() {
    Token first = next();
    if (first.kind() != Kind.WORD && first.kind() != Kind.IDENTIFIER) {
      throw error("a type name");
    }
    boolean quoted = first.kind() == Kind.IDENTIFIER;
    List<String> parts = new ArrayList<>(List.of(quoted ? first.text() : multiWordType(first.text())));
    while (acceptPunctuation(".")) {
      Token part = next();
      if (part.kind() != Kind.WORD && part.kind() != Kind.IDENTIFIER) {
        throw error("a type name");
      }
      parts.add(part.text());
    }
    List<String> modifiers = new ArrayList<>();
    if (acceptPunctuation("(")) {
      do {
        Token m = next();
        if (m.kind() != Kind.NUMBER && m.kind() != Kind.WORD) {
          throw error("a type modifier");
        }
        modifiers.add(m.text());
      } while (acceptPunctuation(","));
      expectPunctuation(")");
    }
    Boolean withTimeZone = null;
    if (!quoted && parts.size() == 1 && (parts.get(0).equals("timestamp") || parts.get(0).equals("time"))) {
      if (acceptWord("with")) {
        withTimeZone = true;
      } else if (acceptWord("without")) {
        withTimeZone = false;
      }
      if (withTimeZone != null) {
        expectWord("time");
        expectWord("zone");
      }
    }
    int dimensions = 0;
    while (acceptPunctuation("[")) {
      if (peek().kind() == Kind.NUMBER) {
        pos++;
      }
      expectPunctuation("]");
      dimensions++;
    }
    return TypeName.of(parts, quoted, modifiers, withTimeZone, dimensions);
  }

  private String multiWordType(String word) {
    switch (word) {
      case "double" -> {
        expectWord("precision");
        return "double precision";
      }
      case "national" -> {
        expectOneOf("character", "char");
        return acceptWord("varying") ? "character varying" : "character";
      }
      case "character", "char", "nchar" -> {
        return acceptWord("varying") ? "character varying" : "character";
      }
      case "bit" -> {
        return acceptWord("varying") ? "bit varying" : "bit";
      }
      default -> {
        return word;
      }
    }
  }

  private List<String> qualifiedName() {
    List<String> parts = new ArrayList<>();
    do {
      Token t = next();
      if (t.kind() != Kind.WORD && t.kind() != Kind.IDENTIFIER) {
        throw error("a name");
      }
      parts.add(t.text());
    } while (acceptPunctuation("."));
    return parts;
  }

  private List<Expr> expressionList() {
    List<Expr> list = new ArrayList<>();
    do {
      list.add(expression());
    } while (acceptPunctuation(","));
    return list;
  }

  private Token peek() {
    return peek(0);
  }

  private Token peek(int ahead) {
    int i = Math.min(Math.max(pos + ahead, 0), tokens.size() - 1);
    return tokens.get(i);
  }

  private Token next() {
    Token t = peek();
    if (t.kind() == Kind.END) {
      throw error("more input");
    }
    pos++;
    return t;
  }

  private boolean acceptWord(String word) {
    if (peek().isWord(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptPunctuation(String punctuation) {
    if (peek().isPunctuation(punctuation)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw error(word.toUpperCase(Locale.ROOT));
    }
  }

  private String expectOneOf(String... words) {
    for (String w : words) {
      if (acceptWord(w)) {
        return w;
      }
    }
    throw error(String.join(" or ", words));
  }

  private void expectPunctuation(String punctuation) {
    if (!acceptPunctuation(punctuation)) {
      throw error("'" + punctuation + "'");
    }
  }

  private Token expect(Kind kind, String what) {
    if (peek().kind() != kind) {
      throw error(what);
    }
    return next();
  }

  private ExpressionSyntaxException error(String expected) {
    Token t = peek();
    return new ExpressionSyntaxException("expected " + expected + " at offset " + t.position()
        + (t.kind() == Kind.END ? " (end of input)" : " near '" + t.text() + "'"));
  }
}
