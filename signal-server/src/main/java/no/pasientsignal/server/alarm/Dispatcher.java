package no.pasientsignal.server.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decides who receives an alarm at each escalation step (implemented by routing from the roster
 * and the escalation policy of the alarm's priority). Pure: no delivery happens here.
 */
public interface Dispatcher {

    /**
     * The recipients of escalation step {@code step} of {@code alarm} at {@code now}, and when the
     * step after it is due. An empty recipient list means nobody on the roster can receive this
     * step; the engine then moves on to the next step at once and flags the alarm.
     */
    Step step(Alarm alarm, int step, Instant now);

    /**
     * @param recipients staff usernames or channel ids (e.g. the response centre)
     * @param nextAt when the following step is due, or null when this was the last step
     */
    record Step(List<String> recipients, Instant nextAt) {
        public Step {
            recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        }

        public boolean isLast() {
            return nextAt == null;
        }
    }
}
