package dev.autogen.cli;

import dev.autogen.codegen.text.VisibleText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output and standard error of the command line: the boundary between the text autogen
 * prints (names, expressions and messages from a catalog or from entities among it) and the user's
 * terminal. Two rules, applied to everything written:
 *
 * <ul>
 *   <li>no control character but line feed and tab reaches the terminal: the others (escape, which
 *       starts an ECMA-48 sequence that can clear the screen or move the cursor; a lone carriage return,
 *       which can overwrite a line; backspace; the C1 controls; bidirectional overrides) are written
 *       as visible symbols ({@link VisibleText#oneLine(String)});
 *   <li>{@code println(x)} prints one line: a line break inside {@code x} is shown as {@code ␊}, so a
 *       value cannot forge a line of its own (a fake {@code No drift} line, say). Text of several
 *       lines is printed with {@code print}, by the report writers that made each of its lines safe.
 * </ul>
 */
final class TerminalWriter extends PrintWriter {

  /** On a platform whose line separator is CR LF, a carriage return is part of it and passes. */
  private static final boolean CR_ENDS_LINES = System.lineSeparator().contains("\r");

  private TerminalWriter(Writer out) {
    super(new VisibleControls(out), true);
  }

  /**
   * @param out the writer to protect, never null
   * @return a writer that applies the rules above and then writes to {@code out}; {@code out} itself
   *     when it already is one
   */
  static PrintWriter of(PrintWriter out) {
    return out instanceof TerminalWriter ? out : new TerminalWriter(out);
  }

  @Override
  public void println(String x) {
    super.println(VisibleText.oneLine(String.valueOf(x)));
  }

  @Override
  public void println(Object x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(char[] x) {
    println(new String(x));
  }

  /** Passes line feeds and tabs (and CR of a CR LF platform), writes every other control visibly. */
  private static final class VisibleControls extends FilterWriter {

    VisibleControls(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      String part = s.substring(off, off + len);
      if (VisibleText.isOneLine(part)) {
        out.write(part);
        return;
      }
      StringBuilder sb = new StringBuilder(part.length());
      int start = 0;
      for (int i = 0; i <= part.length(); i++) {
        char c = i == part.length() ? 0 : part.charAt(i);
        if (i == part.length() || c == '\n' || (c == '\r' && CR_ENDS_LINES)) {
          sb.append(VisibleText.oneLine(part.substring(start, i)));
          if (i < part.length()) {
            sb.append(c);
          }
          start = i + 1;
        }
      }
      out.write(sb.toString());
    }
  }
}
