/**
 * JMH micro-benchmarks of the signal-server's hot path without the network: the alarm engine
 * raising and cancelling calls with routing over a realistic roster, and the device event codec.
 * The build compiles them (so they keep up with the code) but never runs them; see
 * docs/benchmarks.md for how to run them.
 */
package no.pasientsignal.benchmarks;
