package dev.autogen.metadata.mapping.constraints;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.GeneratedColumn;
import org.hibernate.annotations.SQLRestriction;

/**
 * Defaults, checks, comments, generated columns, indexes and unique constraints in another schema;
 * {@code @Formula}, {@code @Transient} and {@code @SQLRestriction} add nothing.
 */
@Entity
@Table(schema = "accounting",
    indexes = {
        @Index(name = "ledger_booked_desc_idx", columnList = "bookedAt desc, account"),
        @Index(name = "ledger_reference_uidx", columnList = "reference", unique = true),
        @Index(columnList = "amount")},
    uniqueConstraints = {
        @UniqueConstraint(name = "ledger_account_period_uk", columnNames = {"account", "period"}),
        @UniqueConstraint(columnNames = {"reference", "account"})})
@Check(name = "ledger_amount_sign", constraints = "amount <> 0")
@Check(constraints = "period between 1 and 12")
@Comment("Double-entry ledger")
@SQLRestriction("amount is not null")
public class Ledger {
  @Id
  Long id;

  @Column(nullable = false, length = 12)
  @Comment("Account number")
  String account;

  int period;

  @Column(precision = 14, scale = 2)
  BigDecimal amount;

  @ColumnDefault("0")
  @Check(constraints = "fee >= 0")
  @Column(precision = 10, scale = 2)
  BigDecimal fee;

  @ColumnDefault("current_timestamp")
  Instant bookedAt;

  @ColumnDefault("'draft'")
  @Column(length = 10)
  @Check(name = "ledger_state_known", constraints = "state in ('draft', 'posted')")
  String state;

  @Column(length = 40)
  String reference;

  @GeneratedColumn("amount + fee")
  @Column(precision = 15, scale = 2)
  BigDecimal gross;

  @Formula("amount * 2")
  BigDecimal doubled;

  @Transient
  String scratch;

  transient String alsoScratch;
}
