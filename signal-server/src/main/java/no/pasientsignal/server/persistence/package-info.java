/**
 * Persistence: a HikariCP pool over H2 (default, a file under the data dir) or PostgreSQL, the
 * schema migrated by Flyway at startup, and plain-JDBC stores. No ORM and no Micronaut Data: the
 * Micronaut 5 versions of those modules are missing from Maven Central (docs/dependencies.md).
 */
package no.pasientsignal.server.persistence;
