package dev.autogen.diff.risk;

import dev.autogen.model.DataProbe;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DataProbe} that asks each question of another probe once and keeps the answer: several
 * analyzers ask the same question of one change (NULLs that block SET NOT NULL), and a live database
 * must not be read twice for it. Not thread-safe; one per plan analysis.
 */
final class RememberingProbe implements DataProbe {

  private final DataProbe probe;
  private final Map<Question, Optional<Count>> answers = new HashMap<>();

  /** @param probe the probe to ask, never null */
  RememberingProbe(DataProbe probe) {
    this.probe = probe;
  }

  @Override
  public Optional<Count> count(Question question) {
    return answers.computeIfAbsent(question, probe::count);
  }
}
