package no.pasientsignal.server.coap;

import java.security.Principal;
import java.util.Optional;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.Heartbeat;
import no.pasientsignal.protocol.HeartbeatCodec;
import no.pasientsignal.protocol.MalformedPayloadException;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hb}: a device's periodic heartbeat (see docs/protocol.md). Translation only:
 * identify the device from its certificate, decode, hand to the health tracker, answer. Refusals
 * carry a plain-text diagnostic and change nothing.
 */
final class HeartbeatResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatResource.class);

    private final DeviceHealth health;
    private final FacilityDirectory facility;
    private final HeartbeatCodec codec = new HeartbeatCodec();

    HeartbeatResource(DeviceHealth health, FacilityDirectory facility) {
        super(DeviceProtocol.HEARTBEAT_PATH);
        this.health = health;
        this.facility = facility;
        getAttributes().setTitle("Device heartbeat");
        getAttributes().addContentType(DeviceProtocol.CONTENT_FORMAT_CBOR);
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<String> deviceId =
                deviceId(exchange.advanced().getRequest().getSourceContext().getPeerIdentity());
        if (deviceId.isEmpty()) {
            refuse(exchange, ResponseCode.UNAUTHORIZED, "client certificate does not name a device");
            return;
        }
        if (facility.device(deviceId.get()).isEmpty()) {
            LOG.warn("Heartbeat from unknown device {} refused", deviceId.get());
            refuse(exchange, ResponseCode.FORBIDDEN, "unknown device " + deviceId.get());
            return;
        }
        if (exchange.getRequestOptions().getContentFormat() != DeviceProtocol.CONTENT_FORMAT_CBOR) {
            refuse(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "expected application/cbor (60)");
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES) {
            var tooLarge = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
            // Size1 tells the device the largest payload the server accepts (RFC 7959).
            tooLarge.getOptions().setSize1(DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES);
            tooLarge.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
            tooLarge.setPayload("payload over " + DeviceProtocol.MAX_HEARTBEAT_PAYLOAD_BYTES + " bytes");
            exchange.respond(tooLarge);
            return;
        }
        Heartbeat heartbeat;
        try {
            heartbeat = codec.decode(payload);
        } catch (MalformedPayloadException e) {
            LOG.warn("Malformed heartbeat from {}: {}", deviceId.get(), e.getMessage());
            refuse(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        if (!health.heartbeat(deviceId.get(), heartbeat)) {
            // Removed from the site between the check above and now.
            refuse(exchange, ResponseCode.FORBIDDEN, "unknown device " + deviceId.get());
            return;
        }
        exchange.respond(ResponseCode.CHANGED);
    }

    private static Optional<String> deviceId(Principal peer) {
        if (peer instanceof X509CertPath path) {
            return DeviceIdentity.deviceId(path.getTarget());
        }
        return Optional.empty();
    }

    private static void refuse(CoapExchange exchange, ResponseCode code, String diagnostic) {
        exchange.respond(code, diagnostic, MediaTypeRegistry.TEXT_PLAIN);
    }
}
