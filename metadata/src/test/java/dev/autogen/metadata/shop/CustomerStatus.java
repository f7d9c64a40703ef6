package dev.autogen.metadata.shop;

/** Stored by name. */
public enum CustomerStatus { ACTIVE, SUSPENDED, CLOSED }
