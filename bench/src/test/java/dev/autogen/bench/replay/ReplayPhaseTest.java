package dev.autogen.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The replay phase is read from the {@code --timings} line autogen prints, not guessed. */
class ReplayPhaseTest {

  @Test
  void readsTheCurrentSchemaPhaseOfTheTimingsLine() {
    String stderr = "timings: jvm start-up 80 ms, entities 2026 ms (cache off, Hibernate 7.4.6.Final [bundled]),"
        + " current schema 11247 ms (replay, cache off), diff 126 ms, render 9 ms, other 673 ms, total 14161 ms\n";

    assertThat(ReplayPhase.seconds(stderr)).isEqualTo(11.247);
    assertThatThrownBy(() -> ReplayPhase.seconds("autogen: error\n")).isInstanceOf(IllegalStateException.class);
  }
}
