package no.pasientsignal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static Percentiles of(long... seconds) {
        var samples = new Samples();
        for (long s : seconds) {
            samples.add(Duration.ofSeconds(s));
        }
        return samples.percentiles();
    }

    @Test
    void nearest_rank_picks_an_observed_sample_at_rank_ceil_p_times_n() {
        // 1..20 s given out of order. Ranks: p50 ceil(10) = 10, p90 ceil(18) = 18, p95 ceil(19) = 19.
        var p = of(20, 3, 1, 2, 19, 18, 17, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(p).isEqualTo(new Percentiles(20, 10.0, 18.0, 19.0, 20.0));
    }

    @Test
    void with_few_samples_the_high_percentiles_are_the_largest_sample() {
        // n = 1: every rank is 1.
        assertThat(of(42)).isEqualTo(new Percentiles(1, 42.0, 42.0, 42.0, 42.0));
        // n = 2: p50 rank ceil(1.0) = 1 (the lower sample: no interpolation), p90 ceil(1.8) = 2.
        assertThat(of(30, 10)).isEqualTo(new Percentiles(2, 10.0, 30.0, 30.0, 30.0));
        // n = 3: p50 rank ceil(1.5) = 2, p90 ceil(2.7) = 3.
        assertThat(of(60, 20, 30)).isEqualTo(new Percentiles(3, 30.0, 60.0, 60.0, 60.0));
        // n = 11: p90 rank ceil(9.9) = 10, p95 ceil(10.45) = 11.
        assertThat(of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)).isEqualTo(new Percentiles(11, 6.0, 10.0, 11.0, 11.0));
    }

    @Test
    void no_samples_gives_no_figures_rather_than_zero() {
        assertThat(of()).isEqualTo(new Percentiles(0, null, null, null, null));
    }

    @Test
    void seconds_keep_millisecond_precision_and_a_negative_duration_counts_as_zero() {
        var samples = new Samples();
        samples.add(Duration.ofMillis(1234));
        samples.add(Duration.ofMillis(-5));
        assertThat(samples.percentiles()).isEqualTo(new Percentiles(2, 0.0, 1.234, 1.234, 1.234));
    }
}
