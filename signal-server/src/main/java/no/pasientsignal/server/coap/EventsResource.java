package no.pasientsignal.server.coap;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.DeviceProtocol;
import no.pasientsignal.protocol.EventCodec;
import no.pasientsignal.protocol.MalformedPayloadException;
import no.pasientsignal.server.alarm.AlarmInput;
import no.pasientsignal.server.alarm.AlarmService;
import no.pasientsignal.server.audit.JournalException;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.FacilityDirectory;
import no.pasientsignal.server.facility.ResidentDirectory;
import no.pasientsignal.server.provisioning.DeviceHealth;
import no.pasientsignal.server.provisioning.Revocations;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events}: a device reports an event (see docs/protocol.md). Translation only:
 * identify the device from its certificate, decode, translate by device type and location, hand
 * to the site's alarm desk, and answer 2.04 once the desk reports the event durable. Refusals carry
 * a plain-text diagnostic and change nothing.
 */
final class EventsResource extends DeviceResource {

    private static final Logger LOG = LoggerFactory.getLogger(EventsResource.class);

    private final AlarmService alarms;
    private final DeviceHealth health;
    private final ResidentDirectory residents;
    private final Clock clock;
    private final Executor responder;
    private final EventCodec codec = new EventCodec();

    EventsResource(
            AlarmService alarms,
            FacilityDirectory facility,
            ResidentDirectory residents,
            Revocations revocations,
            DeviceHealth health,
            Clock clock,
            Executor responder) {
        super(
                DeviceProtocol.EVENTS_PATH,
                "Device events",
                facility,
                revocations,
                DeviceProtocol.MAX_EVENT_PAYLOAD_BYTES);
        this.alarms = alarms;
        this.residents = residents;
        this.health = health;
        this.clock = clock;
        this.responder = responder;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Optional<Device> device = admit(exchange);
        if (device.isEmpty()) {
            return;
        }
        DeviceEvent event;
        try {
            event = codec.decode(exchange.getRequestPayload());
        } catch (MalformedPayloadException e) {
            LOG.warn("Malformed event from {}: {}", device.get().deviceId(), e.getMessage());
            refuse(exchange, ResponseCode.BAD_REQUEST, e.getMessage());
            return;
        }
        Device source = device.get();
        Optional<AlarmInput> input = EventTranslation.translate(
                event, source, residents.livingIn(source.room().roomId()), clock.instant());
        if (input.isEmpty()) {
            refuse(
                    exchange,
                    ResponseCode.BAD_REQUEST,
                    "field evt: a " + source.type() + " does not send '"
                            + event.kind().wireCode() + "'");
            return;
        }
        // Any well-formed event shows the device is alive, duplicates included.
        health.seen(source.deviceId());
        // Answered off the desk and journal threads: encrypting and sending is not their work.
        alarms.handle(source.room().siteId(), input.get())
                .whenCompleteAsync(
                        (outcome, failure) -> {
                            if (failure == null) {
                                LOG.debug(
                                        "Event {} {} from {}: {}",
                                        event.eventId(),
                                        event.kind(),
                                        source.deviceId(),
                                        outcome);
                                exchange.respond(ResponseCode.CHANGED);
                                return;
                            }
                            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause()
                                    : failure;
                            if (cause instanceof JournalException) {
                                // Routed to staff, but not on disk: the device must keep the event and retry.
                                LOG.error(
                                        "Event {} from {} routed but not durable: {}",
                                        event.eventId(),
                                        source.deviceId(),
                                        cause.getMessage());
                                refuse(exchange, ResponseCode.SERVICE_UNAVAILABLE, "event not recorded durably; retry");
                            } else {
                                LOG.error("Event {} from {} failed", event.eventId(), source.deviceId(), cause);
                                refuse(exchange, ResponseCode.INTERNAL_SERVER_ERROR, "event not handled; retry");
                            }
                        },
                        responder);
    }
}
