package no.pasientsignal.server.coap;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.alarm.AlarmInput;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.Placement;
import no.pasientsignal.server.alarm.SensorKind;
import no.pasientsignal.server.alarm.SensorReading;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;

/**
 * What a device event means, from the kind of device that sent it and where it is mounted. A
 * device may only send the events its type can produce: a smoke detector cannot raise a bathroom
 * call, whatever its payload says.
 */
final class EventTranslation {

    private static final Map<DeviceType, Set<EventKind>> ALLOWED = Map.of(
            DeviceType.CALL_BUTTON,
            EnumSet.of(
                    EventKind.CALL_PRESSED,
                    EventKind.CALL_CANCELLED,
                    EventKind.EMERGENCY_PRESSED,
                    EventKind.ASSIST_PRESSED,
                    EventKind.PRESENCE_ON,
                    EventKind.PRESENCE_OFF),
            DeviceType.PULL_CORD,
            EnumSet.of(EventKind.CALL_PRESSED, EventKind.CALL_CANCELLED),
            DeviceType.BED_SENSOR,
            EnumSet.of(EventKind.BED_EXIT, EventKind.BED_ENTER, EventKind.MOTION, EventKind.WET, EventKind.SEIZURE),
            DeviceType.DOOR_SENSOR,
            EnumSet.of(EventKind.DOOR_OPEN),
            DeviceType.MOTION_SENSOR,
            EnumSet.of(EventKind.MOTION),
            DeviceType.FALL_SENSOR,
            EnumSet.of(EventKind.FALL, EventKind.MOTION),
            DeviceType.SMOKE_DETECTOR,
            EnumSet.of(EventKind.SMOKE),
            DeviceType.CAMERA,
            EnumSet.of(EventKind.MOTION, EventKind.FALL));

    private EventTranslation() {}

    /** The events a device of this type may send. */
    static Set<EventKind> allowed(DeviceType type) {
        return ALLOWED.getOrDefault(type, Set.of());
    }

    /**
     * The input for the alarm desk, or empty when this device type does not send this event.
     *
     * @param residents who lives in the device's room: a call names the resident when there is
     *     exactly one (in a double room the call cannot say whose it is)
     */
    static Optional<AlarmInput> translate(DeviceEvent event, Device device, List<Resident> residents, Instant now) {
        if (!allowed(device.type()).contains(event.kind())) {
            return Optional.empty();
        }
        Placement place = Placement.of(device);
        String resident = residents.size() == 1 ? residents.getFirst().id() : null;
        String id = device.deviceId();
        AlarmInput input = switch (event.kind()) {
            case CALL_PRESSED -> new AlarmInput.Call(event.eventId(), callType(device), id, place, resident);
            case EMERGENCY_PRESSED -> new AlarmInput.Call(event.eventId(), AlarmType.EMERGENCY, id, place, resident);
            case ASSIST_PRESSED -> new AlarmInput.Call(event.eventId(), AlarmType.STAFF_ASSIST, id, place, resident);
            case CALL_CANCELLED -> new AlarmInput.Cancel(event.eventId(), id, place);
            case PRESENCE_ON -> new AlarmInput.Presence(event.eventId(), id, id, place, true);
            case PRESENCE_OFF -> new AlarmInput.Presence(event.eventId(), id, id, place, false);
            case BED_EXIT -> reading(event, SensorKind.BED_EXIT, id, place, now);
            case BED_ENTER -> reading(event, SensorKind.BED_ENTER, id, place, now);
            case DOOR_OPEN -> reading(event, SensorKind.DOOR_OPEN, id, place, now);
            case MOTION -> reading(event, SensorKind.MOTION, id, place, now);
            case FALL -> reading(event, SensorKind.FALL, id, place, now);
            case SMOKE -> reading(event, SensorKind.SMOKE, id, place, now);
            case WET -> reading(event, SensorKind.WET, id, place, now);
            case SEIZURE -> reading(event, SensorKind.SEIZURE, id, place, now);
        };
        return Optional.of(input);
    }

    /** A call button in the bathroom raises a bathroom call; a pull cord is a pull cord wherever it hangs. */
    private static AlarmType callType(Device device) {
        if (device.type() == DeviceType.PULL_CORD) {
            return AlarmType.PULL_CORD;
        }
        return device.location().orElse(null) == LocationKind.BATHROOM
                ? AlarmType.BATHROOM_CALL
                : AlarmType.PATIENT_CALL;
    }

    private static AlarmInput reading(
            DeviceEvent event, SensorKind kind, String deviceId, Placement place, Instant now) {
        // The server's clock, not the device's: device clocks drift, and time windows must be exact.
        return new AlarmInput.Reading(new SensorReading(event.eventId(), kind, deviceId, place, now));
    }
}
