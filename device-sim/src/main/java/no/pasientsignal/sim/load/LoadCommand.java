package no.pasientsignal.sim.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceSim;
import no.pasientsignal.sim.ServerApi;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load benchmark (issue 4), modelled on Californium's benchmark client: sets up a site of N
 * call buttons through the real API and enrolment, connects them all with their own DTLS sessions,
 * sends call/cancel events at a fixed aggregate rate while every device also beats its heartbeat,
 * and measures from a staff client's live stream how long each event takes to be delivered. It
 * also measures, in the same run, the saturation throughput of a bare Californium DTLS server (the
 * baseline) and of the signal-server. Progress goes to stderr; the result is one JSON line on
 * stdout.
 */
@Command(
        name = "load",
        description = {
            "Load benchmark: N enrolled call buttons with their own DTLS sessions send call/cancel events at"
                    + " R events/s (open loop) plus heartbeats; a staff client on the live stream measures delivery"
                    + " latency. Also measures the saturation throughput of a bare Californium DTLS server (baseline)"
                    + " and of the signal-server. Prints one JSON line on stdout; progress on stderr.",
            "Sets up (or reuses) a load site through the HTTP API as administrator and technician and enrols"
                    + " every device over EST-coaps into the wallet (--devices), so a second run reuses them."
        })
public final class LoadCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @CommandLine.Mixin
    DeviceSim.Connection connection;

    @CommandLine.Mixin
    DeviceSim.ApiAccess api;

    @Option(
            names = {"-n", "--count"},
            defaultValue = "10000",
            description = "number of simulated call buttons, one per room (default ${DEFAULT-VALUE})")
    int count;

    @Option(
            names = {"-r", "--rate"},
            defaultValue = "1000",
            description = "call/cancel events per second, all devices together (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = {"-d", "--duration"},
            defaultValue = "60",
            description = "seconds of the measured open-loop phase (default ${DEFAULT-VALUE})")
    double duration;

    @Option(
            names = "--warmup",
            defaultValue = "0",
            description = "seconds of unmeasured load at the same rate before the measured phase, so both JVMs"
                    + " have compiled the hot path (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(
            names = "--grace",
            defaultValue = "5",
            description = "seconds to wait after the last event for deliveries still on their way; what has not"
                    + " arrived then counts as lost (default ${DEFAULT-VALUE})")
    double grace;

    @Option(
            names = "--heartbeat",
            defaultValue = "20",
            description = "seconds between each device's heartbeats (call buttons: 20; default ${DEFAULT-VALUE})")
    double heartbeat;

    @Option(
            names = "--saturation-seconds",
            defaultValue = "10",
            description = "seconds of each closed-loop saturation phase (baseline server, then signal-server);"
                    + " 0 skips both (default ${DEFAULT-VALUE})")
    double saturationSeconds;

    @Option(
            names = "--saturation-concurrency",
            defaultValue = "64",
            description = "requests in flight during saturation (default ${DEFAULT-VALUE})")
    int saturationConcurrency;

    @Option(
            names = "--baseline-devices",
            defaultValue = "200",
            description = "devices (DTLS sessions) used against the baseline server, at most --count"
                    + " (default ${DEFAULT-VALUE})")
    int baselineDevices;

    @Option(
            names = "--chatter-limit",
            defaultValue = "5",
            description = "calls per device the server accepts within --chatter-window before it drops them as"
                    + " sensor chatter; the run refuses a schedule over it and saturation keeps under it"
                    + " (default ${DEFAULT-VALUE})")
    int chatterLimit;

    @Option(
            names = "--chatter-window",
            defaultValue = "60",
            description = "seconds of the server's chatter window (default ${DEFAULT-VALUE})")
    double chatterWindow;

    @Option(
            names = "--site",
            defaultValue = "Lasttest",
            description = "name of the load site, created or reused (default ${DEFAULT-VALUE})")
    String site;

    @Option(
            names = "--prefix",
            defaultValue = "load",
            description = "device ids and room numbers are <prefix>-00001... (default ${DEFAULT-VALUE})")
    String prefix;

    @Option(
            names = "--rooms-per-zone",
            defaultValue = "25",
            description = "rooms in each zone of the load site (default ${DEFAULT-VALUE})")
    int roomsPerZone;

    @Option(
            names = "--zones-per-ward",
            defaultValue = "4",
            description = "zones in each ward of the load site (default ${DEFAULT-VALUE})")
    int zonesPerWard;

    @Option(
            names = "--admin-user",
            defaultValue = "admin",
            description =
                    "administrator login that creates the site, wards, zones and rooms (default ${DEFAULT-VALUE})")
    String adminUser;

    @Option(
            names = "--admin-password",
            defaultValue = "demo-admin",
            description = "administrator password (default: the demo administrator's)")
    String adminPassword;

    @Option(
            names = "--subscriber-user",
            defaultValue = "admin",
            description = "staff login of the client reading the live stream (default ${DEFAULT-VALUE})")
    String subscriberUser;

    @Option(
            names = "--subscriber-password",
            defaultValue = "demo-admin",
            description = "password of the subscriber login (default: the demo administrator's)")
    String subscriberPassword;

    @Option(
            names = "--setup-parallelism",
            defaultValue = "8",
            description = "devices set up (API calls and enrolment) at once (default ${DEFAULT-VALUE})")
    int setupParallelism;

    @Option(
            names = "--handshake-parallelism",
            defaultValue = "32",
            description = "DTLS handshakes in flight at once while connecting (default ${DEFAULT-VALUE})")
    int handshakeParallelism;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "threads of the Californium pool all devices share (default: one per processor)")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        var server = connection.serverAddress();
        var wallet = connection.wallet();
        var report = JSON.createObjectNode();
        report.put("devices", count)
                .put("rate", rate)
                .put("durationS", duration)
                .put("warmupS", warmup);

        err.printf(
                "load: setting up %d devices through %s%n",
                count, api.newClient().base());
        err.flush();
        ServerApi admin = api.newClient();
        admin.login(adminUser, adminPassword);
        ServerApi technician = api.newClient();
        technician.login(api.user(), api.password());
        var layout = new LoadSite.Layout(site, prefix, count, roomsPerZone, zonesPerWard);
        LoadSite.Summary setup = new LoadSite(admin, technician, wallet, server, layout, err).prepare(setupParallelism);
        err.printf(
                "load: setup took %.1f s (rooms created %d, devices registered %d, enrolled %d, reused %d)%n",
                setup.seconds(), setup.roomsCreated(), setup.registered(), setup.enrolled(), setup.reused());
        report.put("setupSeconds", round(setup.seconds()))
                .put("roomsCreated", setup.roomsCreated())
                .put("devicesEnrolled", setup.enrolled())
                .put("devicesReused", setup.reused());

        List<DeviceCredentials> credentials = loadCredentials(layout);
        X509Certificate siteCa = credentials.getFirst().caCertificate();

        var deliveries = new Deliveries();
        ServerApi staff = api.newClient();
        staff.login(subscriberUser, subscriberPassword);
        int poolThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        report.put("clientThreads", poolThreads);
        try (var subscriber = new AlarmSubscriber(deliveries);
                var pools = new Fleet.Pools(poolThreads)) {
            subscriber.open(staff.base(), staff.token());
            err.printf("load: subscribed to %s as %s%n", AlarmSubscriber.ALARM_STREAM, subscriberUser);
            report.put("stream", AlarmSubscriber.ALARM_STREAM);

            if (saturationSeconds > 0) {
                report.put("baselineThroughput", round(baseline(pools, credentials, siteCa, report, err)));
            }

            try (var fleet = new Fleet(pools, server, siteCa, ClientTiming.CALL)) {
                List<LoadDevice> devices = connect(fleet, credentials, report, err);
                fleet.startHeartbeats((long) (heartbeat * 1000));
                cancelLeftovers(staff, devices, err);

                err.printf(
                        "load: open loop, %.0f events/s for %.0f s (after %.0f s warm-up) over %d devices (each"
                                + " every %.1f s)%n",
                        rate, duration, warmup, devices.size(), devices.size() / rate);
                err.flush();
                OpenLoop.Result run = OpenLoop.run(devices, rate, warmup, duration, deliveries, err);
                awaitDeliveries(deliveries, err);
                long lost = deliveries.stillPending();
                Histogram delivery = deliveries.latencyMicros();
                report.put("sent", run.sent())
                        .put("acked", run.acked())
                        .put("delivered", deliveries.delivered.sum())
                        .put("lost", lost)
                        .put("deliveryP50Ms", ms(delivery.getValueAtPercentile(50)))
                        .put("deliveryP99Ms", ms(delivery.getValueAtPercentile(99)))
                        .put("deliveryP999Ms", ms(delivery.getValueAtPercentile(99.9)))
                        .put("deliveryMaxMs", ms(delivery.getMaxValue()))
                        .put("ackP50Ms", ms(run.ackMicros().getValueAtPercentile(50)))
                        .put("ackP99Ms", ms(run.ackMicros().getValueAtPercentile(99)))
                        .put("ackMaxMs", ms(run.ackMicros().getMaxValue()))
                        .put("ackFailed", run.failed())
                        .put("refused", run.refused())
                        .put("maxSendLagMs", ms(run.maxSendLagMicros()))
                        .put("retransmissions", fleet.retransmissions.sum());

                if (saturationSeconds > 0) {
                    err.printf(
                            "load: saturating the signal-server for %.0f s, %d in flight over %d devices%n",
                            saturationSeconds, saturationConcurrency, devices.size());
                    err.flush();
                    ClosedLoop.Result ours = new ClosedLoop(
                                    devices, pools.main, chatterLimit, (long) ((chatterWindow + 1) * 1e9))
                            .run(saturationConcurrency, saturationSeconds);
                    report.put("ourThroughput", round(ours.throughput()))
                            .put("ourSaturationFailed", ours.failed())
                            .put("ourSaturationChatterBound", ours.starved() > 0);
                    if (ours.starved() > 0) {
                        err.printf(
                                "load: the saturation phase ran out of devices under the chatter limit:"
                                        + " ourThroughput is bounded by %d devices x %d calls per %.0f s, not"
                                        + " by the server%n",
                                devices.size(), chatterLimit, chatterWindow);
                    }
                }
                fleet.stopHeartbeats();
                cancelOpenCalls(devices);
                report.put("heartbeatsSent", fleet.heartbeats.sent.sum())
                        .put("heartbeatsAcked", fleet.heartbeats.acked.sum())
                        .put("heartbeatsFailed", fleet.heartbeats.failed.sum());
            }
            report.put("streamEvents", subscriber.eventsRead());
        }
        err.flush();
        out.println(report.toString());
        out.flush();
        return 0;
    }

    private void validate() {
        var cmd = spec.commandLine();
        if (count < 1) {
            throw new CommandLine.ParameterException(cmd, "--count must be at least 1");
        }
        if (rate <= 0 || duration <= 0) {
            throw new CommandLine.ParameterException(cmd, "--rate and --duration must be positive");
        }
        if (heartbeat <= 0 || heartbeat * 3 >= 100) {
            throw new CommandLine.ParameterException(
                    cmd, "--heartbeat must be positive and under 33 s (the server reports silence after 3 missed)");
        }
        if (saturationConcurrency < 1 || setupParallelism < 1 || handshakeParallelism < 1) {
            throw new CommandLine.ParameterException(cmd, "concurrency and parallelism options must be at least 1");
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(cmd, "--warmup must not be negative");
        }
        long calls = OpenLoop.maxCallsPerWindow(count, rate, warmup + duration, chatterWindow);
        if (chatterLimit > 0 && calls > chatterLimit) {
            double maxRate = count * 2.0 * (chatterLimit - 1) / chatterWindow;
            throw new CommandLine.ParameterException(
                    cmd,
                    String.format(
                            "with %d devices at %.0f events/s each device would call %d times within %.0f s, and the"
                                    + " server drops calls over %d per device as sensor chatter: use more devices,"
                                    + " a rate up to %.1f events/s, or a shorter --duration",
                            count, rate, calls, chatterWindow, chatterLimit, maxRate));
        }
    }

    /** Every device's key and certificate from the wallet, read in parallel (PEM parsing adds up). */
    private List<DeviceCredentials> loadCredentials(LoadSite.Layout layout) throws InterruptedException {
        var wallet = connection.wallet();
        var futures = new ArrayList<Future<DeviceCredentials>>();
        try (var executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            for (int i = 0; i < count; i++) {
                String id = layout.deviceId(i);
                futures.add(executor.submit(() -> {
                    try {
                        return DeviceCredentials.load(wallet.dir(), id);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the credentials of " + id, e);
                    }
                }));
            }
        }
        var credentials = new ArrayList<DeviceCredentials>(count);
        for (Future<DeviceCredentials> f : futures) {
            try {
                credentials.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return credentials;
    }

    /** Saturation of the bare Californium server with up to --baseline-devices sessions. */
    private double baseline(
            Fleet.Pools pools,
            List<DeviceCredentials> credentials,
            X509Certificate siteCa,
            ObjectNode report,
            PrintWriter err)
            throws IOException, InterruptedException {
        int devices = Math.min(count, baselineDevices);
        try (var baseline = BaselineServer.start(siteCa);
                var fleet = new Fleet(pools, baseline.address(), baseline.trustAnchor(), ClientTiming.CALL)) {
            for (int i = 0; i < devices; i++) {
                fleet.add(credentials.get(i));
            }
            long started = System.nanoTime();
            List<String> failed = fleet.connectAll(handshakeParallelism, err);
            if (!failed.isEmpty()) {
                throw new IOException(
                        "baseline: " + failed.size() + " devices could not connect, e.g. " + failed.getFirst());
            }
            double handshakes = (System.nanoTime() - started) / 1e9;
            err.printf(
                    "load: baseline server on %s: %d handshakes in %.1f s; saturating for %.0f s, %d in flight%n",
                    baseline.address(), devices, handshakes, saturationSeconds, saturationConcurrency);
            err.flush();
            ClosedLoop.Result result =
                    new ClosedLoop(fleet.devices(), pools.main, 0, 0).run(saturationConcurrency, saturationSeconds);
            report.put("baselineDevices", devices)
                    .put("baselineHandshakesPerSecond", round(devices / handshakes))
                    .put("baselineFailed", result.failed());
            err.printf("load: baseline %.0f events/s%n", result.throughput());
            return result.throughput();
        }
    }

    /** Opens every device's socket and makes its handshake; returns the devices that connected. */
    private List<LoadDevice> connect(
            Fleet fleet, List<DeviceCredentials> credentials, ObjectNode report, PrintWriter err)
            throws IOException, InterruptedException {
        for (DeviceCredentials c : credentials) {
            fleet.add(c);
        }
        err.printf("load: connecting %d devices to %s (full DTLS handshakes)%n", count, connection.serverAddress());
        err.flush();
        long started = System.nanoTime();
        List<String> failed = fleet.connectAll(handshakeParallelism, err);
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("load: %d handshakes in %.1f s (%.0f/s)%n", count - failed.size(), seconds, count / seconds);
        report.put("handshakeSeconds", round(seconds)).put("handshakesFailed", failed.size());
        if (failed.size() == count) {
            throw new IOException(
                    "no device could connect to " + connection.serverAddress() + ", e.g. " + failed.getFirst());
        }
        var broken = new HashSet<String>();
        for (String f : failed) {
            err.println("load: left out " + f);
            broken.add(f.substring(0, f.indexOf(':')));
        }
        return fleet.devices().stream()
                .filter(d -> !broken.contains(d.deviceId))
                .toList();
    }

    /**
     * Cancels calls an earlier, interrupted run left open in the load rooms (open alarms survive a
     * restart), so every device starts with a call that raises a new alarm.
     */
    private void cancelLeftovers(ServerApi staff, List<LoadDevice> devices, PrintWriter err)
            throws IOException, InterruptedException {
        Map<String, LoadDevice> byId = new ConcurrentHashMap<>();
        devices.forEach(d -> byId.put(d.deviceId, d));
        int adopted = 0;
        for (JsonNode alarm : staff.get("/api/alarms", "list the open alarms")) {
            LoadDevice device = byId.get(alarm.path("deviceId").asString());
            if (device != null && !device.callOpen()) {
                device.adoptOpenCall();
                adopted++;
            }
        }
        if (adopted > 0) {
            err.printf("load: cancelling %d calls left open by an earlier run%n", adopted);
            cancelOpenCalls(devices);
        }
    }

    /** Sends a cancel from every device with a call open and waits for the answers. */
    private static void cancelOpenCalls(List<LoadDevice> devices) throws InterruptedException {
        var open = devices.stream().filter(LoadDevice::callOpen).toList();
        var answered = new CountDownLatch(open.size());
        for (LoadDevice device : open) {
            device.send(device.nextEvent(System.nanoTime()), outcome -> answered.countDown());
        }
        answered.await(30, TimeUnit.SECONDS);
    }

    private void awaitDeliveries(Deliveries deliveries, PrintWriter err) throws InterruptedException {
        long until = System.nanoTime() + (long) (grace * 1e9);
        while (deliveries.stillPending() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        err.printf(
                "load: %d of %d events delivered, %d not within %.0f s%n",
                deliveries.delivered.sum(), deliveries.expected.sum(), deliveries.stillPending(), grace);
        err.flush();
    }

    private static double ms(long micros) {
        return Math.round(micros) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
