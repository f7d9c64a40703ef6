package dev.autogen.metadata;

import java.util.List;
import org.hibernate.tool.schema.spi.GenerationTarget;

/** A Hibernate schema-tool target that keeps each statement in a list instead of running it. */
final class StatementCollector implements GenerationTarget {

  private final List<String> statements;

  /** @param statements receives the statements in order */
  StatementCollector(List<String> statements) {
    this.statements = statements;
  }

  @Override
  public void prepare() {
    // nothing to open
  }

  @Override
  public void accept(String command) {
    statements.add(command);
  }

  @Override
  public void release() {
    // nothing to close
  }
}
