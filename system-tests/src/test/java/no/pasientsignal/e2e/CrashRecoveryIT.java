package no.pasientsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.audit.Journal;
import no.pasientsignal.server.audit.JournalVerifier;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;
import no.pasientsignal.sim.DeviceWallet;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: call buttons press and cancel as fast as they are answered while
 * the server process is killed with SIGKILL (no shutdown hook, no checkpoint). A power cut in the
 * middle of a write is added on top: the start of a record with the rest missing, at the end of the
 * last segment. After a restart on the same data folder the torn record is cut, every event a
 * device got 2.04 for is in the journal, the hash chain verifies, and the journal goes on.
 */
class CrashRecoveryIT {

    private static final List<String> ROOMS = List.of("201", "202", "203", "204");

    @Test
    void every_acknowledged_event_survives_kill_9_and_the_chain_verifies() throws Exception {
        try (var system = new SystemUnderTest()) {
            system.startServer();
            for (String room : ROOMS) {
                assertThat(system.sim("enrol", room, "--api", system.apiUrl())).isZero();
            }
            var wallet = new DeviceWallet(system.dataDir.resolve("sim/devices"));
            var server = new InetSocketAddress("127.0.0.1", system.coapPort);
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            var running = new AtomicBoolean(true);
            var senders = new ArrayList<Thread>();
            for (String room : ROOMS) {
                senders.add(Thread.ofPlatform()
                        .start(() -> pressAndCancel(wallet, "call-" + room, server, running, acknowledged)));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
            system.killServer();
            int beforeKill = acknowledged.size();
            running.set(false);
            for (Thread sender : senders) {
                sender.join(Duration.ofSeconds(30));
            }

            var journalDir = system.dataDir.resolve("server/journal");
            Path lastSegment = Journal.segments(journalDir).getLast();
            long intactBytes = Files.size(lastSegment);
            tearARecordOnto(lastSegment);

            system.startServer();
            assertThat(Files.size(lastSegment)).isEqualTo(intactBytes);
            assertThat(Files.readString(system.logDir.resolve("signal-server.log")))
                    .contains("Journal: cut a torn last record");
            var report = JournalVerifier.verify(journalDir);
            assertThat(report.ok()).as(report.problem()).isTrue();
            Set<UUID> journaled = new HashSet<>();
            Journal.readDirectory(journalDir, 1, record -> {
                if (record.type().equals(AlarmRecords.DEVICE_EVENT)) {
                    journaled.add(AlarmRecords.decode(record.payload(), AlarmRecords.DeviceEventRecord.class)
                            .event());
                }
            });
            System.out.printf(
                    "crash test: %d events acknowledged (%d before the kill), %d device events journaled%n",
                    acknowledged.size(), beforeKill, journaled.size());
            assertThat(journaled).containsAll(acknowledged);

            // The journal goes on after the cut: a new call is acknowledged and the chain still verifies.
            Set<UUID> afterRestart = ConcurrentHashMap.newKeySet();
            var again = new AtomicBoolean(true);
            Thread sender =
                    Thread.ofPlatform().start(() -> pressAndCancel(wallet, "call-201", server, again, afterRestart));
            await().atMost(Duration.ofSeconds(30)).until(() -> !afterRestart.isEmpty());
            again.set(false);
            sender.join(Duration.ofSeconds(30));
            var after = JournalVerifier.verify(journalDir);
            assertThat(after.ok()).as(after.problem()).isTrue();
        }
    }

    /** What a power cut mid-write leaves: a record's header and part of its body, then nothing. */
    private static void tearARecordOnto(Path segment) throws IOException {
        var torn = ByteBuffer.allocate(4 + 4 + 100);
        torn.putInt(0x50534A31); // the record magic "PSJ1"
        torn.putInt(600); // a body of 600 bytes announced...
        torn.put(
                "{\"site\":\"demo\",\"event\":\"".repeat(5).getBytes(StandardCharsets.UTF_8), 0, 100); // ...100 written
        torn.flip();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
            channel.write(torn);
        }
    }

    /** One device: a call, then a cancel, each new event sent once its predecessor is answered. */
    private static void pressAndCancel(
            DeviceWallet wallet, String deviceId, InetSocketAddress server, AtomicBoolean running, Set<UUID> acked) {
        try (var client = DeviceClient.connect(wallet.credentials(deviceId), server, ClientTiming.CALL)) {
            boolean call = true;
            while (running.get()) {
                var event = DeviceEvent.now(call ? EventKind.CALL_PRESSED : EventKind.CALL_CANCELLED);
                try {
                    if (client.send(event).code().equals("2.04")) {
                        acked.add(event.eventId());
                    }
                } catch (DeviceClient.SendFailedException e) {
                    return; // the server is gone: this device stops, as its retries ran out
                }
                call = !call;
            }
        }
    }
}
