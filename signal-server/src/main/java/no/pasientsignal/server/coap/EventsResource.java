package no.pasientsignal.server.coap;

import java.security.Principal;
import java.util.Optional;
import no.pasientsignal.certs.DeviceIdentity;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.MalformedPayloadException;
import no.pasientsignal.server.alarm.CallBoard;
import no.pasientsignal.server.alarm.EventOutcome;
import no.pasientsignal.server.facility.Device;
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
 * {@code POST /events}: a device reports an event (see docs/protocol.md). Translation only:
 * identify the device from its certificate, decode, hand to the call board, answer. Refusals carry
 * a plain-text diagnostic and change nothing.
 */
final class EventsResource extends CoapResource {

    private static final Logger LOG = LoggerFactory.getLogger(EventsResource.class);

    private final CallBoard board;
    private final FacilityDirectory facility;
    private final DeviceHealth health;
    private final EventCodec codec = new EventCodec();

    EventsResource(CallBoard board, FacilityDirectory facility, DeviceHealth health) {
        super(DeviceProtocol.EVENTS_PATH);
        this.board = board;
        this.facility = facility;
        this.health = health;
        getAttributes().setTitle("Device events");
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
        Optional<Device> device = facility.device(deviceId.get());
        if (device.isEmpty()) {
            LOG.warn("Event from unknown device {} refused", deviceId.get());
            refuse(exchange, ResponseCode.FORBIDDEN, "unknown device " + deviceId.get());
            return;
        }
        if (exchange.getRequestOptions().getContentFormat() != DeviceProtocol.CONTENT_FORMAT_CBOR) {
            refuse(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, "expected application/cbor (60)");
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES) {
            var tooLarge = new Response(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
            // Size1 tells the device the largest payload the server accepts (RFC 7959).
            tooLarge.getOptions().setSize1(DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES);
            tooLarge.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
            tooLarge.setPayload("payload over " + DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES + " bytes");
            exchange.respond(tooLarge);
            return;
        }
        DeviceEvent event;
        try {
            event = codec.decode(payload);
        } catch (MalformedPayloadException e) {
            LOG.warn("Malformed event from {}: {}", deviceId.get(), e.getMessage());
            refuse(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        Device source = device.get();
        // Any well-formed event shows the device is alive, duplicates included.
        health.seen(source.deviceId());
        EventOutcome outcome = switch (event.kind()) {
            case CALL_PRESSED -> board.callPressed(event.eventId(), source.deviceId(), source.room());
            case CALL_CANCELLED -> board.callCancelled(event.eventId(), source.deviceId(), source.room());
        };
        LOG.debug("Event {} {} from {}: {}", event.eventId(), event.kind(), source.deviceId(), outcome);
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
