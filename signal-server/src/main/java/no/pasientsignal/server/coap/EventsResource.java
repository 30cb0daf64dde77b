package no.pasientsignal.server.coap;

import java.util.Optional;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.MalformedPayloadException;
import no.pasientsignal.server.alarm.CallBoard;
import no.pasientsignal.server.alarm.EventOutcome;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events}: a device reports an event (see docs/protocol.md). Translation only:
 * identify the device from its certificate, decode, hand to the call board, answer. Refusals carry
 * a plain-text diagnostic and change nothing.
 */
final class EventsResource extends DeviceResource {

    private static final Logger LOG = LoggerFactory.getLogger(EventsResource.class);

    private final CallBoard board;
    private final DeviceHealth health;
    private final EventCodec codec = new EventCodec();

    EventsResource(CallBoard board, FacilityDirectory facility, Revocations revocations, DeviceHealth health) {
        super(
                DeviceProtocol.EVENTS_PATH,
                "Device events",
                facility,
                revocations,
                DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES);
        this.board = board;
        this.health = health;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> device = admit(exchange);
        if (device.isEmpty()) {
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        DeviceEvent event;
        try {
            event = codec.decode(payload);
        } catch (MalformedPayloadException e) {
            LOG.warn("Malformed event from {}: {}", device.get().deviceId(), e.getMessage());
            refuse(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        Device source = device.get();
        // Any well-formed event shows the device is alive, duplicates included.
        health.seen(source.deviceId());
        EventOutcome outcome;
        switch (event.kind()) {
            case CALL_PRESSED -> outcome = board.callPressed(event.eventId(), source.deviceId(), source.room());
            case CALL_CANCELLED -> outcome = board.callCancelled(event.eventId(), source.deviceId(), source.room());
            default -> {
                // Stopgap until the alarm engine handles the newer kinds: say so instead of failing.
                LOG.warn("Event {} {} from {} not handled yet", event.eventId(), event.kind(), source.deviceId());
                refuse(
                        exchange,
                        ResponseCode.NOT_IMPLEMENTED,
                        "event kind " + event.kind().wireCode() + " is not handled yet");
                return;
            }
        }
        LOG.debug("Event {} {} from {}: {}", event.eventId(), event.kind(), source.deviceId(), outcome);
        exchange.respond(ResponseCode.CHANGED);
    }
}
