/**
 * The administrator's views: the facility model (sites, wards, zones, rooms), staff accounts, shifts and roster,
 * escalation chains, and residents' care plans with their legal basis. {@code service/} reaches the server for the
 * logged-in administrator and converts between form values and the API; {@code ui/} holds the views.
 */
package no.pasientsignal.console.admin;
