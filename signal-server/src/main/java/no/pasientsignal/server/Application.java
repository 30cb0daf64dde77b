package no.pasientsignal.server;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;

/**
 * Starts the signal-server. The data folder and the site PKI are created on first run.
 *
 * <p>{@code verify-journal DIR} as the first argument verifies a journal instead and exits, without
 * starting anything ({@link VerifyJournalCommand}).
 */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify-journal")) {
            System.exit(VerifyJournalCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.run(Application.class, args);
    }
}
