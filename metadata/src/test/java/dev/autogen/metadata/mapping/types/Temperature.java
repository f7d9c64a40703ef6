package dev.autogen.metadata.mapping.types;

/** A value class converted by {@link TemperatureConverter}. */
public record Temperature(double celsius) {}
