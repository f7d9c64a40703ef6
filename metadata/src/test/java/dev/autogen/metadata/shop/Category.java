package dev.autogen.metadata.shop;

/** Stored by ordinal. */
public enum Category { BOOKS, MUSIC, GAMES }
