package no.pasientsignal.sim.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client DTLS connector whose socket is read by a virtual thread instead of Scandium's platform
 * receiver thread.
 *
 * <p>Scandium 3.14 reads each connector's socket with a blocking receive on a thread of its own
 * ({@code DTLS.RECEIVER_THREAD_COUNT}, at least one platform thread per connector). Everything else
 * (handshakes, timers, CoAP) runs on executors that can be shared. Ten thousand devices, each with
 * its own socket as real devices have, would need ten thousand platform threads just to wait; a
 * virtual thread parked in {@code receive} costs a few hundred bytes. Configure the connector with
 * {@code DTLS.RECEIVER_THREAD_COUNT = 0} so Scandium starts none of its own.
 */
final class VirtualReceiverDtlsConnector extends DTLSConnector {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualReceiverDtlsConnector.class);

    /** Larger than any record the server sends (its MTU is at most 1500 on a LAN, 64 KiB never). */
    private static final int RECEIVE_BUFFER_BYTES = 8192;

    VirtualReceiverDtlsConnector(DtlsConnectorConfig config) {
        super(config);
    }

    @Override
    protected void init(InetSocketAddress bindAddress, DatagramSocket socket, Integer mtu) throws IOException {
        super.init(bindAddress, socket, mtu);
        Thread.ofVirtual().name("dtls-receiver-" + socket.getLocalPort()).start(() -> receive(socket));
    }

    /** What Scandium's receiver thread does: read a datagram, hand it to the record layer. */
    private void receive(DatagramSocket socket) {
        byte[] buffer = new byte[RECEIVE_BUFFER_BYTES];
        var packet = new DatagramPacket(buffer, buffer.length);
        while (isRunning() && !socket.isClosed()) {
            try {
                packet.setData(buffer);
                socket.receive(packet);
                if (packet.getLength() > 0) {
                    processDatagram(packet);
                }
            } catch (IOException e) {
                if (isRunning() && !socket.isClosed()) {
                    LOG.debug("Receiving on {} failed", socket.getLocalSocketAddress(), e);
                }
            } catch (RuntimeException e) {
                // A bad datagram must not end the device's only reader.
                LOG.warn("Dropped a datagram on {}", socket.getLocalSocketAddress(), e);
            }
        }
    }
}
