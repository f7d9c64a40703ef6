package dev.autogen.diff.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MeasuredTest {

  @Test
  void thousandsWritesCountsAsTheFormatterDoes() {
    long[] values = {0, 1, 9, 10, 99, 100, 999, 1_000, 1_204, 12_345, 999_999, 1_000_000, 123_456_789,
        -1, -999, -1_000, -1_234_567, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long value : values) {
      assertThat(Measured.thousands(value)).as("%d", value).isEqualTo(String.format(Locale.ROOT, "%,d", value));
    }
  }
}
