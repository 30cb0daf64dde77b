/**
 * The ward console: a Vaadin Flow web application, run on embedded Jetty, that shows ward staff the live room-status
 * board of their ward.
 *
 * <p>This package is the composition root: {@link no.pasientsignal.console.Main} starts Jetty, {@link
 * no.pasientsignal.console.ConsoleConfig} reads and validates the configuration, {@link
 * no.pasientsignal.console.ConsoleServices} owns the application-wide services (one signal-server client and one live
 * call stream per console process) and {@link no.pasientsignal.console.AppShell} configures the page (push, styles).
 * Features live in sub-packages, each with {@code ui/} (views, presentation only) and {@code service/} (state and
 * behaviour, no Vaadin components).
 */
package no.pasientsignal.console;
