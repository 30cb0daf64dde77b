/**
 * The HTTP API for the ward console and other clients: login, the active-call list and the
 * server-sent-event stream of call changes, facility, staff and resident administration, device
 * life cycle and health, routing (shifts, roster, absences, escalation), care plans, and reports for
 * quality leads.
 * Controllers only translate between JSON DTOs and the domain; every endpoint is role-checked by
 * micronaut-security.
 */
package no.pasientsignal.server.api;
