package dev.autogen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTest {

  @Test
  void argumentsParseBackToTheSameSubject() {
    Subject subject = new Subject("jdbc:postgresql://h/db", "u", Path.of("/tmp/classes"), List.of("a.b", "c"));

    assertThat(Subject.parse(subject.arguments().toArray(String[]::new))).isEqualTo(subject);
  }

  @Test
  void aMissingOrUnknownOptionIsRefused() {
    assertThatThrownBy(() -> Subject.parse(new String[] {"--url", "x", "--user", "u", "--classpath", "c"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing --packages");
    assertThatThrownBy(() -> Subject.parse(new String[] {"--uri", "x"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --uri");
  }
}
