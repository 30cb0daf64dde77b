package no.pasientsignal.server.coap;

import java.util.Optional;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.protocol.HeartbeatCodec;
import no.pasientsignal.protocol.MalformedPayloadException;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hb}: a device's periodic heartbeat (see docs/protocol.md). Translation only:
 * identify the device from its certificate, decode, hand to the health tracker, answer. Refusals
 * carry a plain-text diagnostic and change nothing.
 */
final class HeartbeatResource extends DeviceResource {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatResource.class);

    private final DeviceHealth health;
    private final HeartbeatCodec codec = new HeartbeatCodec();

    HeartbeatResource(DeviceHealth health, FacilityDirectory facility, Revocations revocations) {
        super(
                DeviceProtocol.HEARTBEAT_PATH,
                "Device heartbeat",
                facility,
                revocations,
                DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES);
        this.health = health;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> device = admit(exchange);
        if (device.isEmpty()) {
            return;
        }
        String deviceId = device.get().deviceId();
        byte[] payload = exchange.getRequestPayload();
        Heartbeat heartbeat;
        try {
            heartbeat = codec.decode(payload);
        } catch (MalformedPayloadException e) {
            LOG.warn("Malformed heartbeat from {}: {}", deviceId, e.getMessage());
            refuse(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        if (!health.heartbeat(deviceId, heartbeat)) {
            // Removed from the site between the check above and now.
            refuse(exchange, ResponseCode.FORBIDDEN, "unknown device " + deviceId);
            return;
        }
        exchange.respond(ResponseCode.CHANGED);
    }
}
