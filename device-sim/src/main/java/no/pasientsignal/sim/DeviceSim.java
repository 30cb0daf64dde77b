package no.pasientsignal.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.pasientsignal.certs.DeviceCredentials;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.sim.load.LoadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The device simulator's command line. */
@Command(
        name = "device-sim",
        mixinStandardHelpOptions = true,
        description = "Simulated room devices speaking CoAP over DTLS to the signal-server.",
        subcommands = {
            DeviceSim.Enrol.class,
            DeviceSim.Press.class,
            DeviceSim.Cancel.class,
            DeviceSim.Send.class,
            DeviceSim.SendHeartbeat.class,
            DemoWard.class,
            LoadCommand.class
        })
public final class DeviceSim {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with user-facing errors printed as one sentence (exit 2), no stack trace. */
    static CommandLine commandLine() {
        return new CommandLine(new DeviceSim()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("device-sim: " + e.getMessage());
            return 2;
        });
    }

    /** Options every command shares: where the server is and where the devices' credentials live. */
    public static final class Connection {
        @Option(
                names = "--server",
                defaultValue = "127.0.0.1:" + DeviceProtocol.DEFAULT_COAPS_PORT,
                description = "signal-server CoAP address host:port (default ${DEFAULT-VALUE})")
        String server;

        @Option(
                names = "--devices",
                defaultValue = "data/sim/devices",
                description =
                        "wallet folder with the simulated devices' keys and certificates (default ${DEFAULT-VALUE})")
        Path devices;

        public InetSocketAddress serverAddress() {
            int colon = server.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--server must be host:port, got '" + server + "'");
            }
            String host = server.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(server.substring(colon + 1));
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host '" + host + "'", e);
            }
        }

        public DeviceWallet wallet() {
            return new DeviceWallet(devices);
        }
    }

    /**
     * How device-sim gets enrolment credentials the way a technician does: over the server's HTTP
     * API, logged in as a technician (the demo technician by default).
     */
    public static final class ApiAccess {
        @Option(
                names = "--api",
                defaultValue = "http://localhost:8081",
                description = "signal-server HTTP API for enrolment credentials (default ${DEFAULT-VALUE})")
        URI api;

        @Option(
                names = "--user",
                defaultValue = "tekniker",
                description = "technician login for the API (default ${DEFAULT-VALUE})")
        String user;

        @Option(
                names = "--password",
                defaultValue = "demo-tekniker",
                description = "technician password (default: the demo technician's)")
        String password;

        private ServerApi session;

        /** A new API client for the same server, not yet logged in. */
        public ServerApi newClient() {
            return new ServerApi(api);
        }

        /** The technician login the options name. */
        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        /** A fresh one-time credential for the device; logs in on first use. */
        EstEnrolment.Credential credentialFor(String deviceId) throws IOException {
            if (session == null) {
                var api = new ServerApi(this.api);
                api.login(user, password);
                session = api;
            }
            return session.issueCredential(deviceId);
        }
    }

    /** Enrols a device over EST-coaps and keeps what it got in the wallet; prints one line. */
    static DeviceCredentials enrolInto(
            DeviceWallet wallet,
            String deviceId,
            EstEnrolment.Credential credential,
            InetSocketAddress server,
            PrintWriter out)
            throws EstEnrolment.EnrolmentFailedException {
        DeviceCredentials credentials = EstEnrolment.enrol(deviceId, credential, server, ClientTiming.CALL);
        wallet.store(credentials);
        out.printf(
                "Enrolled %s: certificate %s until %s, kept in %s%n",
                deviceId,
                credentials.certificate().getSerialNumber().toString(16),
                credentials.certificate().getNotAfter().toInstant(),
                wallet.dir());
        out.flush();
        return credentials;
    }

    /** The device id of the call button in a room, as the demo ward names them. */
    static String callButtonOf(String room) {
        return "call-" + room;
    }

    /** The device a one-shot command speaks as: the call button of ROOM unless --device says otherwise. */
    static final class RoomDevice {
        @CommandLine.Mixin
        Connection connection;

        @Parameters(index = "0", paramLabel = "ROOM", description = "room number, e.g. 201")
        String room;

        @Option(names = "--device", description = "device id (default: call-<ROOM>)")
        String device;

        String deviceId() {
            return device != null ? device : callButtonOf(room);
        }

        /** Connects; the server address is checked first, so a typo is reported without a handshake. */
        DeviceClient connect() {
            var server = connection.serverAddress();
            return DeviceClient.connect(connection.wallet().credentials(deviceId()), server, ClientTiming.CALL);
        }

        /** "2.04 (3.1 ms)", or the code with the server's diagnostic. */
        static String outcome(Reply reply) {
            return String.format(
                    "%s%s (%.1f ms)",
                    reply.code(),
                    reply.diagnostic().isEmpty() ? "" : " " + reply.diagnostic(),
                    reply.roundTripNanos() / 1e6);
        }
    }

    @Command(
            name = "enrol",
            description = "Enrol a device over EST-coaps (DTLS-PSK with a one-time credential) and keep its"
                    + " key and certificate in the wallet. Without --identity/--secret the credential is"
                    + " fetched from the HTTP API as a technician.")
    static final class Enrol implements Callable<Integer> {
        @CommandLine.Mixin
        RoomDevice target;

        @CommandLine.Mixin
        ApiAccess api;

        @Option(names = "--identity", description = "enrolment credential identity (as the technician got it)")
        String identity;

        @Option(names = "--secret", description = "enrolment credential secret, 64 hex digits")
        String secret;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var server = target.connection.serverAddress();
            String deviceId = target.deviceId();
            EstEnrolment.Credential credential;
            if (identity != null || secret != null) {
                if (identity == null || secret == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--identity and --secret go together");
                }
                credential = new EstEnrolment.Credential(identity, secret);
            } else {
                credential = api.credentialFor(deviceId);
            }
            enrolInto(
                    target.connection.wallet(),
                    deviceId,
                    credential,
                    server,
                    spec.commandLine().getOut());
            return 0;
        }
    }

    abstract static class SingleEvent implements Callable<Integer> {
        @CommandLine.Mixin
        RoomDevice target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract EventKind kind();

        String label() {
            return kind() == EventKind.CALL_PRESSED ? "Call" : "Cancel";
        }

        @Override
        public Integer call() throws Exception {
            // Checked before connecting, so a typo is reported without a DTLS handshake.
            EventKind kind = kind();
            try (var client = target.connect()) {
                Reply reply = client.send(DeviceEvent.now(kind));
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s %s from %s: %s%n",
                                label(), target.room, target.deviceId(), RoomDevice.outcome(reply));
                return reply.isSuccess() ? 0 : 1;
            }
        }
    }

    @Command(name = "press", description = "Press the call button in a room.")
    static final class Press extends SingleEvent {
        @Override
        EventKind kind() {
            return EventKind.CALL_PRESSED;
        }
    }

    @Command(name = "cancel", description = "Cancel the call in a room, at the device.")
    static final class Cancel extends SingleEvent {
        @Override
        EventKind kind() {
            return EventKind.CALL_CANCELLED;
        }
    }

    @Command(
            name = "send",
            description = "Send any device event from a device in a room, e.g. a bed sensor's bed_exit"
                    + " (--device bed-203 --event bed_exit). The server accepts only the events the"
                    + " device's registered type sends.")
    static final class Send extends SingleEvent {
        @Option(
                names = "--event",
                required = true,
                description = "event code: call, cancel, emergency, assist, presence_on, presence_off,"
                        + " bed_exit, bed_enter, door_open, motion, fall, smoke, wet, seizure")
        String event;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec sendSpec;

        @Override
        EventKind kind() {
            return EventKind.fromWire(event)
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            sendSpec.commandLine(), "unknown --event '" + event + "'"));
        }

        @Override
        String label() {
            return "Event " + event;
        }
    }

    @Command(name = "heartbeat", description = "Send one heartbeat from the call button in a room.")
    static final class SendHeartbeat implements Callable<Integer> {
        @CommandLine.Mixin
        RoomDevice target;

        @Option(names = "--battery", required = true, description = "battery percent, 0-100")
        int battery;

        @Option(names = "--tamper", description = "report the enclosure opened / device removed")
        boolean tamper;

        @Option(names = "--rssi", description = "signal strength in dBm (negative), e.g. -67")
        Integer rssi;

        @Option(names = "--fw", description = "firmware version text (at most 32 characters)")
        String firmware;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            // Checked before connecting, so a typo is reported without a DTLS handshake.
            var heartbeat = new Heartbeat(battery, rssi, tamper, firmware, null);
            try (var client = target.connect()) {
                Reply reply = client.heartbeat(heartbeat);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Heartbeat %s from %s (battery %d %%%s): %s%n",
                                target.room,
                                target.deviceId(),
                                battery,
                                tamper ? ", tamper" : "",
                                RoomDevice.outcome(reply));
                return reply.isSuccess() ? 0 : 1;
            }
        }
    }

    /** Parses "201-208" or "201,203,207" into room numbers. */
    static List<String> rooms(String spec) {
        var rooms = new ArrayList<String>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            if (dash > 0) {
                int from = Integer.parseInt(p.substring(0, dash));
                int to = Integer.parseInt(p.substring(dash + 1));
                if (to < from || to - from > 10_000) {
                    throw new IllegalArgumentException("bad room range '" + p + "'");
                }
                for (int r = from; r <= to; r++) {
                    rooms.add(Integer.toString(r));
                }
            } else if (!p.isEmpty()) {
                rooms.add(p);
            }
        }
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("no rooms in '" + spec + "'");
        }
        return rooms;
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
