package no.pasientsignal.server;

import io.micronaut.runtime.Micronaut;

/** Starts the signal-server. The data folder and the site PKI are created on first run. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
