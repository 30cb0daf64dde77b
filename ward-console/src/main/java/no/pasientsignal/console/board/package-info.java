/**
 * The live room-status board: which rooms have an active call right now, oldest first, and for how long they have
 * waited. {@code service/} holds the shared board state fed by the call stream; {@code ui/} shows it.
 */
package no.pasientsignal.console.board;
