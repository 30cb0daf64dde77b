package no.pasientsignal.console.board.service;

/** A listener registration; {@link #close()} removes it. Closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
