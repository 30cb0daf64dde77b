package no.pasientsignal.server;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.certs.testing.FixturePki;
import no.pasientsignal.server.audit.FailingDisk;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.coap.DeviceEndpoint;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Room;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;

/**
 * What the server's integration tests share: a fresh data folder whose site PKI is the fixture PKI
 * (so the server trusts the fixture devices), demo mode, free ports on loopback; and helpers to
 * register a call button and connect a real DTLS device client to the running endpoint.
 */
public final class TestServer {

    public static final String WARD = "Avdeling 2 Øst";

    /**
     * Set to {@code true} in {@link #properties} to run the server on a {@link MutableClock} (inject
     * it as {@code MutableClock}): silence bounds and timers are then tested by moving the clock,
     * without waiting.
     */
    public static final String MUTABLE_CLOCK = "test.mutable-clock";

    /** Replaces the server's system clock when {@link #MUTABLE_CLOCK} is set. */
    @Factory
    @Requires(property = MUTABLE_CLOCK, value = "true")
    static class MutableClockFactory {
        @Singleton
        @Replaces(Clock.class)
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }

    /**
     * Set to {@code true} in {@link #properties} to put the server's journal on a {@link
     * FailingDisk} (inject it to make writes fail); everything else is wired as in production.
     */
    public static final String FAILING_DISK = "test.failing-disk";

    /** Replaces the journal by one on a {@link FailingDisk} when {@link #FAILING_DISK} is set. */
    @Factory
    @Requires(property = FAILING_DISK, value = "true")
    static class FailingDiskFactory {
        @Singleton
        FailingDisk disk() {
            return new FailingDisk();
        }

        @Singleton
        @Replaces(Journal.class)
        @Bean(preDestroy = "close")
        Journal journal(SignalSettings settings, JournalSettings journal, Clock clock, FailingDisk disk) {
            return disk.open(
                    AlarmBeans.journalDirectory(settings),
                    clock,
                    AlarmBeans.SEGMENT_BYTES,
                    AlarmBeans.JOURNAL_QUEUE,
                    journal.retainBytes());
        }
    }

    private final Path dataDir;
    private final FixturePki pki;

    private TestServer(Path dataDir, FixturePki pki) {
        this.dataDir = dataDir;
        this.pki = pki;
    }

    public static TestServer prepare(String name) {
        try {
            Path dataDir = Files.createTempDirectory(name);
            return new TestServer(dataDir, FixturePki.create(dataDir.resolve("pki")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FixturePki pki() {
        return pki;
    }

    /** The server's properties, plus {@code extra} key/value pairs for the test at hand. */
    public Map<String, String> properties(String... extra) {
        var properties = new HashMap<>(Map.of(
                "signal.data-dir", dataDir.toString(),
                "signal.demo", "true",
                "signal.coap.bind-address", "127.0.0.1",
                "signal.coap.port", "0",
                "micronaut.server.port", "-1"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return properties;
    }

    /** Registers a call button in {@code room} under a fresh device id, and returns the id. */
    public static String registerCallButton(FacilityDirectory facility, String room) {
        String deviceId = "call-" + room + "-" + UUID.randomUUID().toString().substring(0, 8);
        registerCallButton(facility, room, deviceId);
        return deviceId;
    }

    public static void registerCallButton(FacilityDirectory facility, String room, String deviceId) {
        facility.register(new Device(
                deviceId, DeviceType.CALL_BUTTON, new Room(room, "Rom " + room, WARD, "zone-1", "ward-1", "site-1")));
    }

    /**
     * Registers a device of {@code type} at {@code location} in {@code room} of zone {@code zoneId}
     * (ward-1, site-1), under a fresh device id, and returns the id.
     */
    public static String registerDevice(
            FacilityDirectory facility, DeviceType type, String room, String zoneId, LocationKind location) {
        String deviceId = type.name().toLowerCase(java.util.Locale.ROOT) + "-" + room + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        facility.register(
                new Device(deviceId, type, new Room(room, "Rom " + room, WARD, zoneId, "ward-1", "site-1"), location));
        return deviceId;
    }

    /** The running device endpoint, addressed on 127.0.0.1 (the IP the server certificate names). */
    public static InetSocketAddress address(DeviceEndpoint endpoint) {
        return new InetSocketAddress("127.0.0.1", endpoint.address().getPort());
    }

    public static DeviceClient connect(DeviceEndpoint endpoint, DeviceCredentials credentials) {
        return DeviceClient.connect(credentials, address(endpoint), ClientTiming.CALL);
    }
}
