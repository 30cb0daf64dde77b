package no.pasientsignal.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.pasientsignal.server.MutableClock;
import no.pasientsignal.server.audit.FailingDisk;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.facility.FacilityDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWatchTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final FacilityDirectory facility = new FacilityDirectory();
    private final List<TechnicalAlert> received = new ArrayList<>();
    private final FailingDisk disk = new FailingDisk();
    private DeviceHealth health;
    private Journal journal;

    @BeforeEach
    void setUp() {
        // Runnable::run: listeners are called at once, so the test sees every alert in order.
        health = new DeviceHealth(clock, HealthSettings.defaults(), facility, Runnable::run);
        health.subscribe(received::add);
        journal = disk.open(dir, clock, 1 << 20, 100, Journal.DEFAULT_RETAIN_BYTES);
    }

    @AfterEach
    void tearDown() {
        journal.close();
    }

    @Test
    void a_failing_journal_is_a_technical_alert_about_the_server_until_a_write_succeeds_again() {
        var watch = new JournalWatch(journal, health, 0);
        disk.fail();
        journal.append("test", new byte[] {1});
        await().until(() -> journal.status().failing());

        watch.check();
        watch.check(); // raised once, not once per check

        assertThat(received).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(TechnicalAlertKind.JOURNAL_FAILING);
            assertThat(alert.deviceId()).isEqualTo(DeviceHealth.SERVER);
            assertThat(alert.roomId()).isNull();
            assertThat(alert.detail()).contains(FailingDisk.NO_SPACE);
            assertThat(alert.isActive()).isTrue();
        });
        assertThat(health.activeTechnicalAlerts())
                .extracting(TechnicalAlert::kind)
                .containsExactly(TechnicalAlertKind.JOURNAL_FAILING);
        // Device checks prune alerts of unknown devices; the server's own alert is not one of them.
        health.check();
        assertThat(health.activeTechnicalAlerts()).hasSize(1);

        disk.recover();
        await().until(() -> !journal.status().failing());
        watch.check();

        assertThat(received).hasSize(2);
        assertThat(received.getLast().kind()).isEqualTo(TechnicalAlertKind.JOURNAL_FAILING);
        assertThat(received.getLast().isActive()).isFalse();
        assertThat(health.activeTechnicalAlerts()).isEmpty();
    }

    @Test
    void low_free_space_on_the_journals_disk_is_a_warning_before_it_is_full() {
        var generous = new JournalWatch(journal, health, 0);
        generous.check();
        assertThat(received).isEmpty();
        assertThat(generous.status().spaceLow()).isFalse();

        var demanding = new JournalWatch(journal, health, Long.MAX_VALUE);
        demanding.check();

        assertThat(demanding.status().spaceLow()).isTrue();
        assertThat(demanding.status().journal().failing()).isFalse();
        assertThat(received).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(TechnicalAlertKind.JOURNAL_SPACE_LOW);
            assertThat(alert.detail()).contains("MiB left on the journal's disk");
        });
        generous.check();
        assertThat(received.getLast().isActive()).isFalse();
    }
}
