package dev.autogen.diff.baseline;

import dev.autogen.diff.CanonicalForms;
import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
import dev.autogen.diff.Change.AddColumn;
import dev.autogen.diff.Change.AddForeignKey;
import dev.autogen.diff.Change.AddPrimaryKey;
import dev.autogen.diff.Change.AddUnique;
import dev.autogen.diff.Change.AlterColumn;
import dev.autogen.diff.Change.AlterEnum;
import dev.autogen.diff.Change.AlterSequence;
import dev.autogen.diff.Change.AlterTableComment;
import dev.autogen.diff.Change.Aspect;
import dev.autogen.diff.Change.CreateEnum;
import dev.autogen.diff.Change.CreateIndex;
import dev.autogen.diff.Change.CreateSequence;
import dev.autogen.diff.Change.DropCheck;
import dev.autogen.diff.Change.DropColumn;
import dev.autogen.diff.Change.DropEnum;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.diff.Change.DropSequence;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.model.Column;
import dev.autogen.model.Dialect;
import dev.autogen.model.ForeignKey;
import dev.autogen.model.Index;
import dev.autogen.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes the {@link ChangeFingerprint} of a change from the model, never from rendered SQL:
 *
 * <ul>
 *   <li>a table created or dropped: the table's name only ({@code drop_table public.legacy}); a table
 *       that exists on one side only is one difference whatever its columns;
 *   <li>a column added or dropped: the column and its canonical definition ({@code add_column
 *       public.book.isbn varchar(13) not null});
 *   <li>a column altered: each changed aspect as {@code aspect from->to} ({@code alter_column
 *       public.book.title type varchar(100)->varchar(200), nullability null->not null});
 *   <li>keys, constraints and indexes: the table and the columns (keys), then the structure (the
 *       referenced table, columns and actions of a foreign key; the method, uniqueness and predicate
 *       of an index; the normalised expression of a check); never their names, which the diff never
 *       compares;
 *   <li>renames, sequences, enum types and table comments: both sides.
 * </ul>
 *
 * A change type this class does not know (added after it) is identified by its kind, subject and
 * column.
 */
public final class ChangeFingerprints {

  private static final String ARROW = "->";

  private final CanonicalForms forms;

  /**
   * @param dialect normalises expressions (defaults, checks, index expressions), never null
   * @throws NullPointerException when dialect is null
   */
  public ChangeFingerprints(Dialect dialect) {
    this.forms = new CanonicalForms(dialect);
  }

  /**
   * @param change a change, never null
   * @return its fingerprint
   */
  public ChangeFingerprint of(Change change) {
    QualifiedName subject = change.subject();
    String kind = change.kind();
    if (change instanceof AddColumn c) {
      return new ChangeFingerprint(kind, column(subject, c.added().name()), forms.definition(c.added()));
    } else if (change instanceof DropColumn c) {
      return new ChangeFingerprint(kind, column(subject, c.dropped().name()), forms.definition(c.dropped()));
    } else if (change instanceof AlterColumn c) {
      return new ChangeFingerprint(kind, column(subject, c.to().name()), aspects(c));
    } else if (change instanceof RenameColumn c) {
      return new ChangeFingerprint(kind, column(subject, c.from()), "to " + c.to());
    } else if (change instanceof RenameTable c) {
      return new ChangeFingerprint(kind, subject.toString(), "to " + c.to());
    } else if (change instanceof AddPrimaryKey c) {
      return keyed(kind, subject, c.key().columns(), "");
    } else if (change instanceof DropPrimaryKey c) {
      return keyed(kind, subject, c.key().columns(), "");
    } else if (change instanceof AddForeignKey c) {
      return foreignKey(kind, subject, c.key());
    } else if (change instanceof DropForeignKey c) {
      return foreignKey(kind, subject, c.key());
    } else if (change instanceof AddUnique c) {
      return keyed(kind, subject, c.unique().columns(), "");
    } else if (change instanceof DropUnique c) {
      return keyed(kind, subject, c.unique().columns(), "");
    } else if (change instanceof AddCheck c) {
      return new ChangeFingerprint(kind, subject.toString(), "check (" + forms.check(c.check()) + ")");
    } else if (change instanceof DropCheck c) {
      return new ChangeFingerprint(kind, subject.toString(), "check (" + forms.check(c.check()) + ")");
    } else if (change instanceof CreateIndex c) {
      return index(kind, subject, c.index());
    } else if (change instanceof DropIndex c) {
      return index(kind, subject, c.index());
    } else if (change instanceof CreateSequence c) {
      return new ChangeFingerprint(kind, subject.toString(), CanonicalForms.sequence(c.sequence()));
    } else if (change instanceof DropSequence c) {
      return new ChangeFingerprint(kind, subject.toString(), CanonicalForms.sequence(c.sequence()));
    } else if (change instanceof AlterSequence c) {
      return new ChangeFingerprint(kind, subject.toString(),
          CanonicalForms.sequence(c.from()) + ARROW + CanonicalForms.sequence(c.to()));
    } else if (change instanceof CreateEnum c) {
      return new ChangeFingerprint(kind, subject.toString(), CanonicalForms.labels(c.type()));
    } else if (change instanceof DropEnum c) {
      return new ChangeFingerprint(kind, subject.toString(), CanonicalForms.labels(c.type()));
    } else if (change instanceof AlterEnum c) {
      return new ChangeFingerprint(kind, subject.toString(),
          CanonicalForms.labels(c.from()) + ARROW + CanonicalForms.labels(c.to()));
    } else if (change instanceof AlterTableComment c) {
      return new ChangeFingerprint(kind, subject.toString(),
          "comment " + CanonicalForms.quoted(c.from()) + ARROW + CanonicalForms.quoted(c.to()));
    }
    // create_table, drop_table, and change types added later
    return new ChangeFingerprint(kind, change.column() == null ? subject.toString() : column(subject, change.column()), "");
  }

  private static String column(QualifiedName table, String column) {
    return table + "." + column;
  }

  private static ChangeFingerprint keyed(String kind, QualifiedName table, List<String> columns, String detail) {
    return new ChangeFingerprint(kind, table + " " + CanonicalForms.columns(columns), detail);
  }

  private static ChangeFingerprint foreignKey(String kind, QualifiedName table, ForeignKey key) {
    return keyed(kind, table, key.columns(), "references " + key.referencedTable() + " "
        + CanonicalForms.columns(key.referencedColumns()) + " on delete " + key.onDelete().sql()
        + " on update " + key.onUpdate().sql());
  }

  private ChangeFingerprint index(String kind, QualifiedName table, Index index) {
    return new ChangeFingerprint(kind, table + " " + forms.indexKeys(index),
        CanonicalForms.indexKind(index) + forms.indexPredicate(index));
  }

  /** The changed aspects in {@link Aspect} order, each {@code aspect from->to}, joined by {@code ", "}. */
  private String aspects(AlterColumn change) {
    List<String> parts = new ArrayList<>();
    for (Aspect aspect : Aspect.values()) {
      if (change.aspects().contains(aspect)) {
        parts.add(aspect.name().toLowerCase(Locale.ROOT) + " " + side(aspect, change.from()) + ARROW
            + side(aspect, change.to()));
      }
    }
    return String.join(", ", parts);
  }

  /** One side of one aspect; an aspect added after this class is told by the whole definition. */
  private String side(Aspect aspect, Column column) {
    switch (aspect) {
      case TYPE:
        return column.type().sql();
      case NULLABILITY:
        return column.nullable() ? "null" : "not null";
      case DEFAULT:
        return forms.defaultValue(column.defaultValue());
      case IDENTITY:
        return CanonicalForms.identity(column.identity());
      case COMMENT:
        return CanonicalForms.quoted(column.comment());
      case GENERATED:
        return forms.generated(column.generated());
      case COLLATION:
        return CanonicalForms.collation(column.collation());
      default:
        return "(" + forms.definition(column) + ")";
    }
  }
}
