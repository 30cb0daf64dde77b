package no.pasientsignal.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Journal settings ({@code signal.journal.*}).
 *
 * @param minFreeMegabytes below this much free space on the journal's disk a JOURNAL_SPACE_LOW
 *     technical alert is raised (a warning: writing goes on until the disk is really full)
 * @param retainMegabytes memory for records a failing disk refused, written when it recovers;
 *     past it further records of the outage are lost (logged and noted in the journal)
 * @param checkEvery how often the journal's state is turned into technical alerts
 */
@ConfigurationProperties("signal.journal")
public record JournalSettings(
        @Bindable(defaultValue = "512") @Min(0) long minFreeMegabytes,
        @Bindable(defaultValue = "64") @Min(0) long retainMegabytes,
        @Bindable(defaultValue = "1s") @NotNull Duration checkEvery) {

    long minFreeBytes() {
        return minFreeMegabytes * 1024 * 1024;
    }

    long retainBytes() {
        return retainMegabytes * 1024 * 1024;
    }
}
