package dev.autogen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineWriterTest {

  @Test
  void passesEachLineOnAsItEndsWhateverTheLineBreak() throws Exception {
    List<String> seen = new ArrayList<>();
    LineWriter writer = new LineWriter(seen::add);

    writer.write("one\ntw");
    assertThat(seen).containsExactly("one");
    writer.write("o\r\nthree\rfour\n\nfive");
    assertThat(seen).containsExactly("one", "two", "three", "four", "");
    writer.close();

    assertThat(seen).containsExactly("one", "two", "three", "four", "", "five");
    assertThat(writer.lines()).isEqualTo(seen);
  }
}
