/**
 * Who gets an alarm now: shifts and the roster (zones covered, primary carers, shift leads,
 * merged night zones, absences), and escalation chains per priority with their timers. Pure
 * domain, like {@code alarm}: no transport types.
 */
package no.pasientsignal.server.routing;
