package dev.autogen.metadata.types;

/** A value Hibernate cannot map without {@link MoneyConverter}. */
public record Money(long cents) {}
