package dev.autogen.metadata.mapping.coldef;

/** Stored in a PostgreSQL enum type that the schema (not Hibernate) creates. */
public enum Level { LOW, HIGH }
