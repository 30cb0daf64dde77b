/**
 * The login view and {@link no.pasientsignal.console.login.ui.AuthenticationGuard}, which forwards every navigation to
 * a view not marked {@link no.pasientsignal.console.login.ui.PublicView} to the login view until the user has logged
 * in.
 */
package no.pasientsignal.console.login.ui;
