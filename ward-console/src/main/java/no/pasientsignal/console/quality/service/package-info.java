/** Presentation-free logic of the quality views: chart data from the reports, chart drawing, place names. */
package no.pasientsignal.console.quality.service;
