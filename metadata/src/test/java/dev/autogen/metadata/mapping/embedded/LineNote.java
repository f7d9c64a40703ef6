package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import java.io.Serializable;

/** {@code @MapsId} on part of an embedded id: the note's key includes the line's composite key. */
@Entity
public class LineNote {

  /** The key: the line's key plus a sequence number. */
  @Embeddable
  public static class Key implements Serializable {
    OrderLineId line;
    int noteNo;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.noteNo == noteNo && java.util.Objects.equals(k.line, line);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(line, noteNo);
    }
  }

  @EmbeddedId
  Key id;

  @MapsId("line")
  @ManyToOne
  @JoinColumns({
      @JoinColumn(name = "line_order", referencedColumnName = "order_no"),
      @JoinColumn(name = "line_number", referencedColumnName = "line_no")})
  Line line;

  String text;
}
