/**
 * Board state and behaviour, free of Vaadin components: {@link no.pasientsignal.console.board.service.CallBoardService}
 * keeps the current calls of the whole console process (fed by one call stream), groups them per room and tells its
 * subscribers (one per open browser tab) about every change; {@link
 * no.pasientsignal.console.board.service.BoardClock} ticks once a second so waiting times can count up; {@link
 * no.pasientsignal.console.board.service.ProtectionAlertService} opens one protection alert stream per care-staff
 * board, with that user's token, since the server words those alerts per user; {@link
 * no.pasientsignal.console.board.service.BoardScopeService} works out each viewer's own zone from the roster (the shared
 * call stream cannot say who is looking), and {@link no.pasientsignal.console.board.service.BoardRoom#arrange} puts a
 * viewer's tiles in board order (highest {@link no.pasientsignal.console.board.service.AlarmLevel}, then longest
 * waiting; rooms with only a protection alert after them; then every other room of the viewer's scope, quiet, by
 * name).
 */
package no.pasientsignal.console.board.service;
