package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link Background}: the current schema's read beside the entities'. A failure of the foreground work is
 * the one reported, and only once the background work has ended (what it holds is cleaned up by its own
 * code); the background work's own failure comes out of {@link Background#join()} unchanged.
 */
class BackgroundTest {

  @Test
  void theForegroundFailureWaitsForTheBackgroundAndIsTheOneReported() {
    AtomicBoolean ended = new AtomicBoolean();
    CountDownLatch failed = new CountDownLatch(1);
    Background<String> background = Background.start("test-background", () -> {
      try {
        failed.await(10, TimeUnit.SECONDS);  // still running when the foreground fails
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ended.set(true);
      throw new IllegalStateException("background");
    });

    assertThatThrownBy(() -> background.afterFailureOf(() -> {
      failed.countDown();
      throw new AutogenException(ExitCode.USAGE, "foreground");
    })).isInstanceOf(AutogenException.class).hasMessage("foreground");
    assertThat(ended).isTrue();
  }

  @Test
  void joinGivesTheResultOrTheBackgroundsOwnException() {
    assertThat(Background.start("test-result", () -> "done").afterFailureOf(() -> "foreground")).isEqualTo("foreground");
    assertThat(Background.start("test-result", () -> "done").join()).isEqualTo("done");
    AutogenException failure = new AutogenException(ExitCode.DATABASE, "refused");
    assertThatThrownBy(() -> Background.start("test-failure", () -> {
      throw failure;
    }).join()).isSameAs(failure);
  }
}
