package dev.autogen.diff.baseline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One accepted difference of a baseline file: left out of {@code check}, {@code diff} and {@code
 * generate} while a change of the plan has this {@link #fingerprint()}.
 *
 * @param fingerprint the difference's identity ({@link ChangeFingerprint#value()}), never null or blank
 * @param kind the change kind, for reading, never null
 * @param object what the change is on, for reading, never null
 * @param description a human one-liner ({@link ChangeFingerprint#description()}), never null
 * @param reason why the difference is accepted, as the user gave it, never null or blank
 * @param recordedAt the day it was recorded, never null
 */
public record BaselineEntry(
    String fingerprint, String kind, String object, String description, String reason, LocalDate recordedAt) {

  /**
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the fingerprint or the reason is blank
   */
  public BaselineEntry {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordedAt, "recordedAt");
    if (fingerprint.isBlank()) {
      throw new IllegalArgumentException("a baseline entry needs a fingerprint");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("baseline entry " + fingerprint + " needs a reason");
    }
  }

  /**
   * @param fingerprint the difference's fingerprint, never null
   * @param reason why it is accepted, never blank
   * @param recordedAt the day, never null
   * @return the entry recording that difference
   */
  public static BaselineEntry of(ChangeFingerprint fingerprint, String reason, LocalDate recordedAt) {
    return new BaselineEntry(fingerprint.value(), fingerprint.kind(), fingerprint.object(),
        fingerprint.description(), reason, recordedAt);
  }
}
