/**
 * Staff accounts, their roles, password checking (Argon2id) and login sessions that can be revoked
 * at once. Accounts are stored in the database and administered over the API; demo logins are
 * seeded only in demo mode.
 */
package no.pasientsignal.server.staff;
