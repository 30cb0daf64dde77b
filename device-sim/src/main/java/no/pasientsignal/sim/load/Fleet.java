package no.pasientsignal.sim.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.protocol.HeartbeatCodec;
import no.pasientsignal.sim.ClientTiming;
import no.pasientsignal.sim.DeviceClient;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.DaemonThreadFactory;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * Many simulated devices talking to one server, each with its own DTLS session and UDP socket,
 * sharing one small Californium thread pool and one timer (Californium lets connectors and
 * endpoints share executors; only socket reading needs a thread per socket, here a virtual one,
 * see {@link VirtualReceiverDtlsConnector}).
 */
final class Fleet implements AutoCloseable {

    /** The executors every endpoint and connector of the run shares. */
    static final class Pools implements AutoCloseable {
        final ScheduledExecutorService main;
        final ScheduledExecutorService secondary;
        final ScheduledExecutorService heartbeats;

        Pools(int threads) {
            main = ExecutorsUtil.newScheduledThreadPool(threads, new DaemonThreadFactory("load-coap#"));
            secondary = ExecutorsUtil.newDefaultSecondaryScheduler("load-timer#");
            // Only schedules: the sends it starts are asynchronous.
            heartbeats = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("load-heartbeats").factory());
        }

        @Override
        public void close() {
            heartbeats.shutdownNow();
            ExecutorsUtil.shutdownExecutorGracefully(1000, main, secondary);
        }
    }

    /** Counts of what the devices' heartbeats did. */
    static final class HeartbeatStats {
        final LongAdder sent = new LongAdder();
        final LongAdder acked = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    private final Pools pools;
    private final InetSocketAddress server;
    private final Configuration config;
    private final NewAdvancedCertificateVerifier verifier;
    private final byte[] heartbeatPayload;
    final List<LoadDevice> devices = new ArrayList<>();
    final LongAdder retransmissions = new LongAdder();
    final HeartbeatStats heartbeats = new HeartbeatStats();
    private final List<ScheduledFuture<?>> beating = new ArrayList<>();

    /**
     * @param trustAnchor the CA the devices verify the server against
     */
    Fleet(Pools pools, InetSocketAddress server, X509Certificate trustAnchor, ClientTiming timing) {
        this.pools = pools;
        this.server = server;
        this.config = configuration(timing);
        this.verifier = StaticNewAdvancedCertificateVerifier.builder()
                .setTrustedCertificates(trustAnchor)
                .build();
        this.heartbeatPayload = new HeartbeatCodec().encode(new Heartbeat(90, -60, false, "device-sim-load", null));
    }

    /** One configuration for all devices: it is only read once they run. */
    private static Configuration configuration(ClientTiming timing) {
        Configuration config = DeviceClient.configuration(timing);
        // Sockets are read by virtual threads (VirtualReceiverDtlsConnector).
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 0);
        // A device talks to one server: no need for tables sized for a server's peers.
        config.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, 4);
        // Devices get only piggy-backed answers; nothing to deduplicate, no sweep task each.
        config.set(CoapConfig.DEDUPLICATOR, CoapConfig.NO_DEDUPLICATOR);
        return config;
    }

    /** Opens the device's socket (no handshake yet: that happens with its first request). */
    LoadDevice add(DeviceCredentials credentials) throws IOException {
        var chain = new X509Certificate[] {credentials.certificate()};
        var dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setCertificateIdentityProvider(
                        new SingleCertificateProvider(credentials.privateKey(), chain, CertificateType.X_509))
                .setAdvancedCertificateVerifier(verifier)
                .build();
        var connector = new VirtualReceiverDtlsConnector(dtls);
        connector.setExecutor(pools.main);
        var endpoint = new CoapEndpoint.Builder()
                .setConfiguration(config)
                .setConnector(connector)
                .build();
        endpoint.setExecutors(pools.main, pools.secondary);
        String host = server.getAddress().getHostAddress();
        String baseUri = "coaps://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort() + "/";
        var device = new LoadDevice(credentials.deviceId(), endpoint, baseUri, heartbeatPayload, retransmissions);
        device.start();
        synchronized (devices) {
            devices.add(device);
        }
        return device;
    }

    /**
     * Connects every device: its first heartbeat makes the full DTLS handshake (as a device does
     * after booting). At most {@code parallel} handshakes run at once; a device whose handshake
     * fails is tried again up to twice. Returns the devices that failed all tries.
     */
    List<String> connectAll(int parallel, PrintWriter err) throws InterruptedException {
        var permits = new Semaphore(parallel);
        var done = new AtomicInteger();
        var failed = new ConcurrentLinkedQueue<String>();
        var all = new CompletableFuture<?>[devices.size()];
        long started = System.nanoTime();
        long lastReport = started;
        for (int i = 0; i < devices.size(); i++) {
            permits.acquire();
            var future = new CompletableFuture<Void>();
            all[i] = future;
            connect(devices.get(i), 3, permits, done, failed, future);
            long now = System.nanoTime();
            if (now - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                lastReport = now;
                err.printf(
                        "  handshakes: %d/%d (%.0f/s)%n",
                        done.get(), devices.size(), done.get() / ((now - started) / 1e9));
                err.flush();
            }
        }
        CompletableFuture.allOf(all).join();
        return new ArrayList<>(failed);
    }

    private void connect(
            LoadDevice device,
            int triesLeft,
            Semaphore permits,
            AtomicInteger done,
            ConcurrentLinkedQueue<String> failed,
            CompletableFuture<Void> future) {
        heartbeats.sent.increment();
        device.heartbeat(outcome -> {
            if (outcome.changed()) {
                heartbeats.acked.increment();
            } else {
                heartbeats.failed.increment();
                if (triesLeft > 1) {
                    connect(device, triesLeft - 1, permits, done, failed, future);
                    return;
                }
                failed.add(device.deviceId + ": " + (outcome.code() != null ? outcome.code() : outcome.failure()));
            }
            done.incrementAndGet();
            permits.release();
            future.complete(null);
        });
    }

    /**
     * From now on every device sends a heartbeat every {@code interval}, the first one at a random
     * point of the interval (so they do not all come at once, as the protocol asks).
     */
    void startHeartbeats(long intervalMillis) {
        var random = ThreadLocalRandom.current();
        for (LoadDevice device : devices) {
            beating.add(pools.heartbeats.scheduleAtFixedRate(
                    () -> {
                        heartbeats.sent.increment();
                        device.heartbeat(outcome -> {
                            if (outcome.changed()) {
                                heartbeats.acked.increment();
                            } else {
                                heartbeats.failed.increment();
                            }
                        });
                    },
                    random.nextLong(intervalMillis),
                    intervalMillis,
                    TimeUnit.MILLISECONDS));
        }
    }

    void stopHeartbeats() {
        beating.forEach(b -> b.cancel(false));
        beating.clear();
    }

    List<LoadDevice> devices() {
        return Collections.unmodifiableList(devices);
    }

    @Override
    public void close() {
        stopHeartbeats();
        for (LoadDevice device : devices) {
            device.close();
        }
    }
}
