/**
 * Logging in to the console: {@code service/} logs in against the signal server and keeps the user (and the access
 * token) in the Vaadin session; {@code ui/} has the login view and the guard that sends anyone not logged in to it.
 */
package no.pasientsignal.console.login;
