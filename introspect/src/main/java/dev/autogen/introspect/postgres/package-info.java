/**
 * PostgreSQL-specific reading of a live catalog: one pg_catalog query per kind of object. {@link
 * dev.autogen.introspect.postgres.PostgresCatalogReader} is the entry point, {@link
 * dev.autogen.introspect.postgres.PostgresErrors} turns driver failures into one-line errors, and
 * {@link dev.autogen.introspect.postgres.PostgresColumnDefinitionResolver} resolves free-form column
 * definitions through a temporary table read by the same column query.
 */
package dev.autogen.introspect.postgres;
