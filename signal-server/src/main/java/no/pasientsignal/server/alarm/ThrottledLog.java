package no.pasientsignal.server.alarm;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * A warning that may happen many times a second: logged at once the first time, then at most once
 * a minute with how many happened since and the latest example. Single-threaded, like its owner.
 */
final class ThrottledLog {

    private static final Duration EVERY = Duration.ofMinutes(1);

    private final Logger log;
    private final String what;
    private Instant lastLogged;
    private long since;

    ThrottledLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void note(Instant now, String example) {
        since++;
        if (lastLogged == null || !now.isBefore(lastLogged.plus(EVERY))) {
            log.warn("{} {} (latest: {})", since, what, example);
            lastLogged = now;
            since = 0;
        }
    }
}
