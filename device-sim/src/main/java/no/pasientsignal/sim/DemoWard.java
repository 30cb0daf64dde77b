package no.pasientsignal.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.protocol.Heartbeat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plays a small ward: one call button per room; now and then a resident calls, and after a while
 * the call is cancelled at the device (as staff would, in the room). Every device sends a heartbeat
 * every 20 s (staggered across the interval), with a battery that drains slowly. Runs until
 * stopped.
 *
 * <p>On first run the devices are not enrolled: the demo logs in to the HTTP API as the demo
 * technician, gets a one-time credential for each device and enrols it over EST-coaps, as a
 * technician would when mounting them. Later runs reuse the wallet.
 */
@Command(
        name = "demo",
        description = "Play a small demo ward until stopped (Ctrl-C); enrols devices not yet in the wallet.")
final class DemoWard implements Callable<Integer> {

    @CommandLine.Mixin
    DeviceSim.Connection connection;

    @CommandLine.Mixin
    DeviceSim.ApiAccess api;

    @Option(names = "--rooms", defaultValue = "201-208", description = "rooms to simulate (default ${DEFAULT-VALUE})")
    String rooms;

    @Option(
            names = "--mean-interval",
            defaultValue = "15",
            description = "mean seconds between new calls on the ward (default ${DEFAULT-VALUE})")
    double meanInterval;

    @Option(
            names = "--hold",
            defaultValue = "45",
            description = "mean seconds a call stays before it is cancelled (default ${DEFAULT-VALUE})")
    double hold;

    @Option(
            names = "--heartbeat",
            defaultValue = "20",
            description = "seconds between heartbeats of each device (default ${DEFAULT-VALUE})")
    double heartbeatInterval;

    @Option(
            names = "--duration",
            defaultValue = "0",
            description = "stop after this many seconds (default: run until stopped)")
    double duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        List<String> roomList = DeviceSim.rooms(rooms);
        var server = connection.serverAddress();
        var clients = new ArrayList<DeviceClient>();
        var wallet = connection.wallet();
        for (String room : roomList) {
            String deviceId = DeviceSim.callButtonOf(room);
            var credentials = wallet.has(deviceId)
                    ? wallet.credentials(deviceId)
                    : DeviceSim.enrolInto(wallet, deviceId, api.credentialFor(deviceId), server, out);
            clients.add(DeviceClient.connect(credentials, server, ClientTiming.CALL));
        }
        out.printf("Demo ward: %d call buttons talking to %s%n", clients.size(), connection.server);
        out.flush();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        // Its own thread: a heartbeat waiting out retransmissions never holds up a call.
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        var stopped = new CountDownLatch(1);
        Set<Integer> calling = new HashSet<>();
        var stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                scheduler.shutdownNow();
                heartbeats.shutdownNow();
                clients.forEach(DeviceClient::close);
                stopped.countDown();
            }
        };
        var hook = new Thread(stop);
        Runtime.getRuntime().addShutdownHook(hook);
        scheduleHeartbeats(heartbeats, clients, roomList, out);
        scheduleNextCall(scheduler, clients, roomList, calling, out);
        if (duration > 0) {
            stopped.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
            stop.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        } else {
            stopped.await();
        }
        return 0;
    }

    /** One heartbeat per device per interval, spread over the interval so they do not burst. */
    private void scheduleHeartbeats(
            ScheduledExecutorService scheduler,
            List<DeviceClient> clients,
            List<String> roomList,
            java.io.PrintWriter out) {
        long periodMs = Math.max(1000, (long) (heartbeatInterval * 1000));
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < clients.size(); i++) {
            var client = clients.get(i);
            String room = roomList.get(i);
            var battery = new double[] {60 + random.nextInt(41)};
            scheduler.scheduleWithFixedDelay(
                    () -> {
                        // About one percentage point every ten beats: a visible, harmless drain.
                        battery[0] = Math.max(0, battery[0] - 0.1);
                        sendHeartbeat(client, room, (int) battery[0], out);
                    },
                    periodMs * i / clients.size(),
                    periodMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Prints only refusals and failures: eight rooms every 20 s would drown the calls. */
    private static void sendHeartbeat(DeviceClient client, String room, int battery, java.io.PrintWriter out) {
        try {
            Reply reply = client.heartbeat(new Heartbeat(battery, -60, false, "device-sim", null));
            if (!reply.isSuccess()) {
                out.printf("Heartbeat room %s: %s %s%n", room, reply.code(), reply.diagnostic());
                out.flush();
            }
        } catch (DeviceClient.SendFailedException e) {
            out.printf("Heartbeat room %s failed: %s%n", room, e.getMessage());
            out.flush();
        }
    }

    private void scheduleNextCall(
            ScheduledExecutorService scheduler,
            List<DeviceClient> clients,
            List<String> roomList,
            Set<Integer> calling,
            java.io.PrintWriter out) {
        long delayMs = exponentialMillis(meanInterval);
        scheduler.schedule(
                () -> {
                    var random = ThreadLocalRandom.current();
                    int index = random.nextInt(clients.size());
                    if (calling.add(index)) {
                        send(clients.get(index), roomList.get(index), EventKind.CALL_PRESSED, out);
                        scheduler.schedule(
                                () -> {
                                    send(clients.get(index), roomList.get(index), EventKind.CALL_CANCELLED, out);
                                    calling.remove(index);
                                },
                                exponentialMillis(hold),
                                TimeUnit.MILLISECONDS);
                    }
                    scheduleNextCall(scheduler, clients, roomList, calling, out);
                },
                delayMs,
                TimeUnit.MILLISECONDS);
    }

    private static void send(DeviceClient client, String room, EventKind kind, java.io.PrintWriter out) {
        try {
            Reply reply = client.send(DeviceEvent.now(kind));
            out.printf(
                    "%s room %s: %s (%.1f ms)%n",
                    kind == EventKind.CALL_PRESSED ? "Call" : "Cancel",
                    room,
                    reply.code(),
                    reply.roundTripNanos() / 1e6);
        } catch (DeviceClient.SendFailedException e) {
            out.printf("%s room %s failed: %s%n", kind, room, e.getMessage());
        }
        out.flush();
    }

    private static long exponentialMillis(double meanSeconds) {
        double u = ThreadLocalRandom.current().nextDouble();
        return Math.max(500, (long) (-Math.log(1 - u) * meanSeconds * 1000));
    }
}
