/** The quality lead's Vaadin views: audit search, statistics, benefit follow-up. */
package no.pasientsignal.console.quality.ui;
