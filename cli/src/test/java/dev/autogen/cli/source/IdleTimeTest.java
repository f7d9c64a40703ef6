package dev.autogen.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.cli.AutogenException;
import dev.autogen.cli.ContinuousIntegration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code AUTOGEN_DEV_SERVER_IDLE} as README documents it, and what counts as CI (where the default is 0). */
class IdleTimeTest {

  @Test
  void secondsOrANumberWithAUnitAndTheDefaultWhenUnset() {
    assertThat(PersistentDevServer.idle("600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(PersistentDevServer.idle("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(PersistentDevServer.idle("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(PersistentDevServer.idle(" 1h ")).isEqualTo(Duration.ofHours(1));
    assertThat(PersistentDevServer.idle("0")).isZero();
    assertThat(PersistentDevServer.idle(null)).isEqualTo(PersistentDevServer.DEFAULT_IDLE);
    assertThat(PersistentDevServer.idle(" ")).isEqualTo(PersistentDevServer.DEFAULT_IDLE);
  }

  @Test
  void anythingElseIsAOneLineUsageError() {
    assertThatThrownBy(() -> PersistentDevServer.idle("ten minutes")).isInstanceOf(AutogenException.class)
        .hasMessage("AUTOGEN_DEV_SERVER_IDLE=ten minutes is not an idle time: give seconds (600), or a number with"
            + " s, m or h (10m); 0 stops the embedded dev server when each run ends");
    assertThatThrownBy(() -> PersistentDevServer.idle("-5")).isInstanceOf(AutogenException.class);
  }

  @Test
  void ciIsTheVariableSetToAnythingButBlankOrFalse() {
    assertThat(ContinuousIntegration.detected("true")).isTrue();
    assertThat(ContinuousIntegration.detected("1")).isTrue();
    assertThat(ContinuousIntegration.detected("false")).isFalse();
    assertThat(ContinuousIntegration.detected("FALSE")).isFalse();
    assertThat(ContinuousIntegration.detected("")).isFalse();
    assertThat(ContinuousIntegration.detected(null)).isFalse();
  }
}
