package no.pasientsignal.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import no.pasientsignal.server.alarm.AlarmSettings;

/**
 * Alarm lifecycle settings ({@code signal.alarm.*}).
 *
 * @param returnAfter an accepted call not resolved within this comes back as a new call
 * @param chatterWindow window for counting repeated triggers from one sensor
 * @param chatterLimit triggers per window from one device and type before further ones are dropped
 *     as chatter (never emergency- or high-priority types)
 * @param tickInterval how often escalation and care-plan timers are checked; escalation steps are
 *     at least 30 s apart, so 250 ms is precise enough and costs nothing
 * @param checkpointInterval how often open alarms are checkpointed, bounding the journal replayed
 *     at start
 */
@ConfigurationProperties("signal.alarm")
public record AlarmProperties(
        @Bindable(defaultValue = "10m") @NotNull Duration returnAfter,
        @Bindable(defaultValue = "1m") @NotNull Duration chatterWindow,
        @Bindable(defaultValue = "5") @Min(1) @Max(1000) int chatterLimit,
        @Bindable(defaultValue = "250ms") @NotNull Duration tickInterval,
        @Bindable(defaultValue = "30s") @NotNull Duration checkpointInterval) {

    AlarmSettings settings(int rememberedEventIds) {
        return new AlarmSettings(returnAfter, chatterWindow, chatterLimit, rememberedEventIds);
    }
}
