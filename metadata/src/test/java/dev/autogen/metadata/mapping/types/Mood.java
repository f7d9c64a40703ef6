package dev.autogen.metadata.mapping.types;

/** An enum mapped in every way Hibernate knows. */
public enum Mood { HAPPY, SAD, CALM }
