package dev.autogen.metadata.mapping.embedded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** An {@code @EmbeddedId}. */
@Embeddable
public class OrderLineId implements Serializable {
  @Column(name = "order_no")
  long orderNo;

  @Column(name = "line_no")
  int lineNo;

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderLineId other && other.orderNo == orderNo && other.lineNo == lineNo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(orderNo) * 31 + lineNo;
  }
}
