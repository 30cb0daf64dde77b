/**
 * The quality lead's views: audit search with facets and paging, fall and response-time statistics drawn as charts
 * on the server (JFreeChart, PNG) with their figures as tables, and the benefit follow-up report; each with the
 * server's CSV. For quality leads and administrators.
 */
package no.pasientsignal.console.quality;
