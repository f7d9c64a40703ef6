package dev.autogen.codegen;

import dev.autogen.diff.Change;
import dev.autogen.diff.Change.AddCheck;
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
import dev.autogen.diff.Change.DropEnum;
import dev.autogen.diff.Change.DropForeignKey;
import dev.autogen.diff.Change.DropIndex;
import dev.autogen.diff.Change.DropPrimaryKey;
import dev.autogen.diff.Change.DropSequence;
import dev.autogen.diff.Change.DropUnique;
import dev.autogen.diff.Change.RenameColumn;
import dev.autogen.diff.Change.RenameTable;
import dev.autogen.model.Column;
import dev.autogen.model.EnumType;
import dev.autogen.model.Sequence;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dialect-neutral facts of one change that reports show (DESIGN.md, "CLI contract"): where it
 * is, which columns and which named object it concerns, and for an alteration or a rename its two
 * sides as SQL fragments. A fact that does not apply to the change is null (or an empty list).
 *
 * @param schema the schema of the subject, never null
 * @param table the table, or null for a sequence or enum type change
 * @param column the column of a column change (the new name for a rename), or null
 * @param name the sequence or enum type name, or the name the model gives a key, constraint or
 *     index (null when the model leaves it unnamed); null for other changes
 * @param columns the columns of a key or constraint, the keys of an index; else empty
 * @param from the current side of an alteration or rename, or null
 * @param to the target side of an alteration or rename, or null
 */
public record ChangeFacts(
    String schema, String table, String column, String name, List<String> columns, String from, String to) {

  /** @throws NullPointerException when schema or columns is null */
  public ChangeFacts {
    java.util.Objects.requireNonNull(schema, "schema");
    columns = List.copyOf(columns);
  }

  /**
   * @param change a change, never null
   * @return its facts
   */
  public static ChangeFacts of(Change change) {
    String schema = change.subject().schema();
    String subject = change.subject().name();
    if (change instanceof CreateSequence || change instanceof DropSequence || change instanceof CreateEnum
        || change instanceof DropEnum) {
      return new ChangeFacts(schema, null, null, subject, List.of(), null, null);
    } else if (change instanceof AlterSequence c) {
      return new ChangeFacts(schema, null, null, subject, List.of(), sequence(c.from()), sequence(c.to()));
    } else if (change instanceof AlterEnum c) {
      return new ChangeFacts(schema, null, null, subject, List.of(), labels(c.from()), labels(c.to()));
    } else if (change instanceof RenameTable c) {
      return new ChangeFacts(schema, subject, null, null, List.of(), c.from().name(), c.to());
    } else if (change instanceof RenameColumn c) {
      return new ChangeFacts(schema, subject, c.to(), null, List.of(), c.from(), c.to());
    } else if (change instanceof AlterColumn c) {
      return new ChangeFacts(schema, subject, c.column(), null, List.of(), side(c, c.from()), side(c, c.to()));
    } else if (change instanceof AlterTableComment c) {
      return new ChangeFacts(schema, subject, null, null, List.of(), comment(c.from()), comment(c.to()));
    }
    NamedColumns named = namedColumns(change);
    if (named != null) {
      return new ChangeFacts(schema, subject, null, named.name(), named.columns(), null, null);
    }
    return new ChangeFacts(schema, subject, change.column(), null, List.of(), null, null);
  }

  private record NamedColumns(String name, List<String> columns) {}

  private static NamedColumns namedColumns(Change change) {
    if (change instanceof AddPrimaryKey c) {
      return new NamedColumns(c.key().name(), c.key().columns());
    } else if (change instanceof DropPrimaryKey c) {
      return new NamedColumns(c.key().name(), c.key().columns());
    } else if (change instanceof AddForeignKey c) {
      return new NamedColumns(c.key().name(), c.key().columns());
    } else if (change instanceof DropForeignKey c) {
      return new NamedColumns(c.key().name(), c.key().columns());
    } else if (change instanceof AddUnique c) {
      return new NamedColumns(c.unique().name(), c.unique().columns());
    } else if (change instanceof DropUnique c) {
      return new NamedColumns(c.unique().name(), c.unique().columns());
    } else if (change instanceof AddCheck c) {
      return new NamedColumns(c.check().name(), List.of());
    } else if (change instanceof DropCheck c) {
      return new NamedColumns(c.check().name(), List.of());
    } else if (change instanceof CreateIndex c) {
      return new NamedColumns(c.index().name(), c.index().keys());
    } else if (change instanceof DropIndex c) {
      return new NamedColumns(c.index().name(), c.index().keys());
    }
    return null;
  }

  /**
   * One side of a column alteration: the changed aspects in the order TYPE, NULLABILITY, DEFAULT,
   * IDENTITY, COMMENT, e.g. {@code varchar(64)}, {@code not null}, {@code varchar(32) null},
   * {@code default 0}, {@code default null}, {@code generated by default as identity}, {@code no
   * identity}, {@code comment 'x'}, {@code comment null}.
   */
  private static String side(AlterColumn change, Column column) {
    StringBuilder sb = new StringBuilder();
    for (Aspect aspect : Aspect.values()) {
      if (!change.aspects().contains(aspect)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(switch (aspect) {
        case TYPE -> column.type().sql();
        case NULLABILITY -> column.nullable() ? "null" : "not null";
        case DEFAULT -> "default " + (column.defaultValue() == null ? "null" : column.defaultValue().sql());
        case IDENTITY -> column.identity() == null ? "no identity"
            : "generated " + column.identity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " as identity";
        case COMMENT -> "comment " + comment(column.comment());
      });
    }
    return sb.toString();
  }

  private static String sequence(Sequence s) {
    return "start with " + s.start() + " increment by " + s.increment();
  }

  private static String labels(EnumType type) {
    return type.values().stream().map(ChangeFacts::quoted).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String comment(String comment) {
    return comment == null ? "null" : quoted(comment);
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
