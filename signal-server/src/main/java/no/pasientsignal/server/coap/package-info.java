/**
 * The device endpoint: CoAP over DTLS 1.2 (Californium/Scandium), server role only, X.509 mutual
 * authentication against the site CA, Connection ID on. Resources only translate: decode and
 * validate the request, call the domain, map the outcome to a CoAP response code.
 */
package no.pasientsignal.server.coap;
