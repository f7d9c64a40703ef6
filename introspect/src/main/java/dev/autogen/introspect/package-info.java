/**
 * Live database catalog to the neutral model ({@link dev.autogen.model.Catalog}): {@link
 * dev.autogen.introspect.PostgresIntrospector} reads the schemas and tables {@link
 * dev.autogen.introspect.IntrospectOptions} choose, {@link dev.autogen.model.TableFilter} applies
 * the include and exclude patterns and skips the migration tools' own tables, {@link
 * dev.autogen.introspect.JdbcUrls} hides the passwords of URLs that are shown. Dialect-specific
 * queries live in the {@code postgres} subpackage.
 */
package dev.autogen.introspect;
