/**
 * Staff accounts, their roles and password checking (Argon2id). In memory and seeded only in
 * demo mode for now; stored accounts and role administration come with the facility model.
 */
package no.pasientsignal.server.staff;
