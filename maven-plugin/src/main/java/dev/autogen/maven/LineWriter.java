package dev.autogen.maven;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A character stream cut into lines: each complete line goes to a consumer as soon as it ends (the
 * Maven log) and is kept, so the goal can quote autogen's closing message in its failure. Line breaks
 * are {@code \n}, {@code \r\n} or {@code \r}; an unfinished last line is passed on by {@link #close()}.
 */
final class LineWriter extends Writer {

  private final Consumer<String> sink;
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private boolean afterCarriageReturn;

  /** @param sink receives each line without its line break, never null */
  LineWriter(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n' && afterCarriageReturn) {
        afterCarriageReturn = false;
        continue;
      }
      afterCarriageReturn = c == '\r';
      if (c == '\n' || c == '\r') {
        emit();
      } else {
        current.append(c);
      }
    }
  }

  private void emit() {
    String line = current.toString();
    current.setLength(0);
    lines.add(line);
    sink.accept(line);
  }

  /** Lines are passed on as they end; a partial line waits for its end or {@link #close()}. */
  @Override
  public void flush() {
  }

  /** Passes on the unfinished last line, if any. */
  @Override
  public synchronized void close() {
    if (current.length() > 0) {
      emit();
    }
  }

  /** @return the lines written so far, in order; a copy */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
