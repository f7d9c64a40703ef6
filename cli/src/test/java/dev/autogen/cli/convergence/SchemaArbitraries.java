package dev.autogen.cli.convergence;

import dev.autogen.cli.convergence.ColumnSpec.Generation;
import dev.autogen.cli.convergence.Step.ConstraintKind;
import dev.autogen.cli.convergence.Step.KeyStyle;
import dev.autogen.cli.convergence.Step.Method;
import dev.autogen.model.ReferentialAction;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of {@link SchemaPair}s: a current schema built by creation steps (enum types,
 * sequences, tables, then foreign keys, unique and check constraints, indexes), and a target made by
 * migration steps on it. Every number shrinks towards 0, which means the first object and the plain
 * name style ({@link Names}), and lists shrink towards fewer steps, so counterexamples come out small.
 */
final class SchemaArbitraries {

  private SchemaArbitraries() {}

  /** @return pairs of a current schema and a migrated target */
  static Arbitrary<SchemaPair> pairs() {
    return Combinators.combine(buildSteps(), migrationSteps()).as(SchemaPair::new);
  }

  /** @return steps that build a schema: 0-2 enums, 0-1 sequences, 1-4 tables, 0-8 constraints and indexes */
  static Arbitrary<List<Step>> buildSteps() {
    return Combinators.combine(
            createEnum().list().ofMaxSize(2),
            createSequence().list().ofMaxSize(1),
            createTable().list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.frequencyOf(
                Tuple.of(3, addForeignKey()), Tuple.of(1, addUnique()), Tuple.of(2, addCheck()), Tuple.of(3, addIndex()))
                .list().ofMaxSize(8))
        .as((enums, sequences, tables, extras) -> {
          List<Step> steps = new ArrayList<>(enums);
          steps.addAll(sequences);
          steps.addAll(tables);
          steps.addAll(extras);
          return steps;
        });
  }

  /** @return 1-8 migration steps of every kind */
  static Arbitrary<List<Step>> migrationSteps() {
    return Arbitraries.frequencyOf(
            Tuple.of(4, Combinators.combine(number(), number(), number()).as(Step.ChangeType::new)),
            Tuple.of(2, Combinators.combine(number(), number(), Arbitraries.of(Generation.class), number())
                .as(Step.ChangeGeneration::new)),
            Tuple.of(2, Combinators.combine(number(), number()).as(Step.ToggleNullable::new)),
            Tuple.of(1, Combinators.combine(number(), number()).as(Step.ToggleCollation::new)),
            Tuple.of(2, Combinators.combine(number(), columnSpec()).as(Step.AddColumn::new)),
            Tuple.of(2, Combinators.combine(number(), number()).as(Step.DropColumn::new)),
            Tuple.of(1, createTable()),
            Tuple.of(1, number().map(Step.DropTable::new)),
            Tuple.of(2, addForeignKey()),
            Tuple.of(1, addUnique()),
            Tuple.of(1, addCheck()),
            Tuple.of(2, addIndex()),
            Tuple.of(3, Combinators.combine(number(), Arbitraries.of(ConstraintKind.class), number())
                .as(Step.DropConstraint::new)),
            Tuple.of(1, Combinators.combine(number(), number().list().ofMaxSize(2), Arbitraries.of(true, false))
                .as(Step.ReplacePrimaryKey::new)),
            Tuple.of(1, createEnum()),
            Tuple.of(2, Combinators.combine(number(), number(), number()).as(Step.AddEnumLabel::new)),
            Tuple.of(2, Combinators.combine(number(), number()).as(Step.RemoveEnumLabel::new)),
            Tuple.of(1, Combinators.combine(number(), number()).as(Step.ReorderEnum::new)),
            Tuple.of(1, number().map(Step.DropEnum::new)),
            Tuple.of(1, createSequence()),
            Tuple.of(1, Combinators.combine(number(), number(), number()).as(Step.AlterSequence::new)),
            Tuple.of(1, number().map(Step.DropSequence::new)))
        .list().ofMinSize(1).ofMaxSize(8);
  }

  private static Arbitrary<Integer> number() {
    return Arbitraries.integers().between(0, 40);
  }

  private static Arbitrary<Step> createEnum() {
    return Combinators.combine(number(), number().list().ofMaxSize(4)).as(Step.CreateEnum::new);
  }

  private static Arbitrary<Step> createSequence() {
    return Combinators.combine(number(), number(), number()).as(Step.CreateSequence::new);
  }

  private static Arbitrary<Step> createTable() {
    return Combinators.combine(number(), columnSpec().list().ofMinSize(1).ofMaxSize(5),
            Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(1, 2)))
        .as(Step.CreateTable::new);
  }

  static Arbitrary<ColumnSpec> columnSpec() {
    return Combinators.combine(
            number(),
            Arbitraries.of(ColumnType.class),
            number(),
            number(),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 6),
            Arbitraries.frequency(Tuple.of(8, Generation.NONE), Tuple.of(1, Generation.IDENTITY_ALWAYS),
                Tuple.of(1, Generation.IDENTITY_BY_DEFAULT), Tuple.of(1, Generation.SERIAL), Tuple.of(1, Generation.SEQUENCE)),
            Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
        .as(ColumnSpec::new);
  }

  private static Arbitrary<Step> addForeignKey() {
    Arbitrary<ReferentialAction> action = Arbitraries.of(ReferentialAction.class);
    return Combinators.combine(number(), number(), number(), action, action, Arbitraries.of(true, false))
        .as(Step.AddForeignKey::new);
  }

  private static Arbitrary<Step> addUnique() {
    return Combinators.combine(number(), number().list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(true, false))
        .as(Step.AddUnique::new);
  }

  private static Arbitrary<Step> addCheck() {
    return Combinators.combine(number(), number(), number(), Arbitraries.of(true, false)).as(Step.AddCheck::new);
  }

  private static Arbitrary<Step> addIndex() {
    Arbitrary<Step.KeyPart> key = Combinators.combine(number(), Arbitraries.of(KeyStyle.class)).as(Step.KeyPart::new);
    return Combinators.combine(number(), key.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(Method.class),
            Arbitraries.of(false, true), Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
            number().list().ofMaxSize(2))
        .as(Step.AddIndex::new);
  }
}
