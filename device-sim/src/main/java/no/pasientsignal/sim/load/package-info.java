/**
 * The load benchmark ({@code device-sim load}): sets up a site of simulated call buttons through
 * the signal-server's HTTP API and EST-coaps enrolment, connects them with a DTLS session and UDP
 * socket each (sharing one Californium thread pool; sockets read by virtual threads), drives
 * call/cancel events open-loop at a fixed rate with heartbeats alongside, measures delivery latency
 * on a staff client's live stream and acknowledgement latency into HdrHistograms, and compares the
 * server's saturation throughput with a bare Californium DTLS server in the same process.
 */
package no.pasientsignal.sim.load;
