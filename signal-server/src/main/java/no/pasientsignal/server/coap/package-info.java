/**
 * The device endpoint: CoAP over DTLS 1.2 (Californium/Scandium), server role only, Connection ID
 * on. Devices in service authenticate with X.509 against the site CA (revoked certificates fail
 * the handshake; no session resumption); devices enrolling authenticate with a one-time credential
 * (DTLS-PSK) and may only use EST-coaps under {@code /.well-known/est}. Resources only translate:
 * decode and validate the request, call the domain, map the outcome to a CoAP response code.
 */
package no.pasientsignal.server.coap;
