/**
 * Test fixtures shared with other modules through the certs test-jar; see {@link
 * no.pasientsignal.certs.testing.FixturePki}.
 */
package no.pasientsignal.certs.testing;
