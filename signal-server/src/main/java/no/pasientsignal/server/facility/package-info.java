/**
 * Where devices are and who is there: wards, rooms and the devices installed in them. Held in
 * memory and seeded with a demo ward for now; persistence and the full facility model (sites,
 * zones, beds, residents) come with device enrolment.
 */
package no.pasientsignal.server.facility;
