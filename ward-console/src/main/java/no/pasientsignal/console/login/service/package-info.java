/**
 * Authentication state and behaviour: {@link no.pasientsignal.console.login.service.AuthenticationService} calls
 * {@code POST /login}, protects against session fixation and stores the {@link
 * no.pasientsignal.console.login.service.ConsoleUser} in the Vaadin session; no Vaadin components.
 */
package no.pasientsignal.console.login.service;
