/**
 * Simulated room devices that speak the real protocol (CoAP over DTLS with X.509 client
 * certificates): a CLI to enrol devices over EST-coaps with a one-time credential (each device
 * makes its own key; the simulator never holds the site CA key), to press and cancel calls from a
 * named room, to play a small demo ward and to run the load benchmark ({@code load}, in
 * {@code no.pasientsignal.sim.load}). Also the device client the server's integration tests
 * use, so tests exercise real handshakes.
 */
package no.pasientsignal.sim;
