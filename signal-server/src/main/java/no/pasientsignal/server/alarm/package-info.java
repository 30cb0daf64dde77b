/**
 * The alarm model and its lifecycle: calls raised by devices, cancelled at source, listed for
 * staff, with listeners that fan changes out to delivery channels. Pure domain: no Californium,
 * Micronaut HTTP, Vaadin or Lucene types (an ArchUnit test keeps it so), so the rules can be
 * tested, replayed and benchmarked without a network.
 */
package no.pasientsignal.server.alarm;
