package dev.autogen.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.model.Column;
import dev.autogen.model.QualifiedName;
import dev.autogen.model.SqlType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskGateTest {

  private static final QualifiedName T = new QualifiedName("public", "t");
  private static final Change DROP = new Change.DropColumn(T, new Column("a", SqlType.parse("text"), true, null, null, null));
  private static final Change DROP_B = new Change.DropColumn(T, new Column("b", SqlType.parse("text"), true, null, null, null));
  private static final MigrationPlan PLAN = new MigrationPlan(List.of(DROP, DROP_B), List.of(
      new Diagnostic(Hazard.DATA_LOSS, Risk.DANGEROUS, DROP, "m", "r"),
      new Diagnostic(Hazard.BACKWARD_INCOMPATIBLE, Risk.CAUTION, DROP, "m", "r"),
      new Diagnostic(Hazard.INDEX_BUILD_BLOCKS_WRITES, Risk.CAUTION, DROP_B, "m", "r")));

  @Test
  void failsAtOrAboveItsThresholdUnlessAllowed() {
    assertThat(new RiskGate(Risk.DANGEROUS, Set.of()).blocking(PLAN)).extracting(Diagnostic::hazard)
        .containsExactly(Hazard.DATA_LOSS);
    assertThat(new RiskGate(Risk.CAUTION, Set.of()).blocking(PLAN)).hasSize(3);
    assertThat(new RiskGate(Risk.DANGEROUS, Set.of(Hazard.DATA_LOSS)).fails(PLAN)).isFalse();
    assertThat(new RiskGate(Risk.CAUTION, Set.of(Hazard.DATA_LOSS, Hazard.BACKWARD_INCOMPATIBLE)).blocking(PLAN))
        .extracting(Diagnostic::hazard).containsExactly(Hazard.INDEX_BUILD_BLOCKS_WRITES);
  }

  @Test
  void noThresholdNeverFailsAndSafeIsRefused() {
    assertThat(RiskGate.none().fails(PLAN)).isFalse();
    assertThatThrownBy(() -> new RiskGate(Risk.SAFE, Set.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
