/**
 * Typed HTTP client for the signal-server API that the console consumes: login, the list of active calls, the live
 * call stream (server-sent events), the live protection alerts of one user and health.
 *
 * <p>Plain Java ({@link java.net.http.HttpClient} and Jackson); no Vaadin types, so it can be tested and reused
 * without a UI. Every failure surfaces as a {@link no.pasientsignal.console.client.SignalServerException} whose message
 * is one plain sentence and whose {@link no.pasientsignal.console.client.SignalServerException.Reason} lets the UI pick
 * its own wording.
 */
package no.pasientsignal.console.client;
