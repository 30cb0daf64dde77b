/**
 * Where devices are and who is there: wards, rooms and the devices installed in them, as the call
 * path sees them (an in-memory directory loaded from the database by the persistence package).
 */
package no.pasientsignal.server.facility;
