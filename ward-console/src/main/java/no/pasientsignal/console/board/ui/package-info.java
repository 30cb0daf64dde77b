/**
 * The board's views: presentation only. Each open board subscribes to the shared {@link
 * no.pasientsignal.console.board.service.CallBoardService} while it is attached and applies changes through
 * {@code UI.access}, so server push shows new and cancelled calls without a reload.
 */
package no.pasientsignal.console.board.ui;
