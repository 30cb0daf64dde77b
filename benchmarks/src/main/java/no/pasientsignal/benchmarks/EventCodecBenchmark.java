package no.pasientsignal.benchmarks;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.protocol.MalformedPayloadException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Decoding (what the server does with every {@code POST /events}) and encoding a device event. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventCodecBenchmark {

    private final EventCodec codec = new EventCodec();
    private DeviceEvent event;
    private byte[] payload;

    @Setup
    public void setUp() {
        event = new DeviceEvent(UUID.randomUUID(), EventKind.CALL_PRESSED, 1_763_887_200_123L);
        payload = codec.encode(event);
    }

    @Benchmark
    public DeviceEvent decode() throws MalformedPayloadException {
        return codec.decode(payload);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(event);
    }
}
