package dev.autogen.cli.reliability.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Check;

/**
 * An entity whose check constraint is a multi-line text block, as real code writes long checks: its
 * text lands in the comment line of the change that adds it, where its second line must stay comment.
 */
@Entity
@Check(name = "ledger_amount_check", constraints = """
    amount >= 0
    and note <> ';--'
    or note is null""")
public class Ledger {
  @Id
  Long id;

  int amount;

  String note;
}
