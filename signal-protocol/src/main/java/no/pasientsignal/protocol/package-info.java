/**
 * The device protocol, shared by the signal-server and device-sim: CoAP resource paths, content
 * formats, payload records and their CBOR codec. No framework types, so both ends and the tests
 * agree on the wire format from one place. Documented in {@code docs/protocol.md}.
 */
package no.pasientsignal.protocol;
