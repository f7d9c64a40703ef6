package dev.autogen.metadata.mapping.collections;

/** A map key enum. */
public enum Colour { RED, GREEN, BLUE }
