package dev.autogen.diff;

/** How risky a change is, from the reviewer's point of view (DESIGN.md, Risk). Ordered: later is worse. */
public enum Risk {
  /** Cannot lose data, fail on existing rows or block the application noticeably. */
  SAFE,
  /** May fail on existing data, block writes for a while, or break the running application. */
  CAUTION,
  /** Loses data, or fails on any table that has rows. */
  DANGEROUS;

  /** @return the lower-case name used in reports and options: {@code safe}, {@code caution}, {@code dangerous} */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
