package no.pasientsignal.server.coap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.pasientsignal.protocol.DeviceEvent;
import no.pasientsignal.protocol.EventKind;
import no.pasientsignal.server.alarm.AlarmInput;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.alarm.SensorKind;
import no.pasientsignal.server.facility.Device;
import no.pasientsignal.server.facility.DeviceType;
import no.pasientsignal.server.facility.LocationKind;
import no.pasientsignal.server.facility.Resident;
import no.pasientsignal.server.facility.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTranslationTest {

    private static final Room ROOM = new Room("r-201", "Rom 201", "Avd 2", "zone-a", "ward-1", "site-1");
    private static final Instant NOW = Instant.parse("2026-11-23T22:30:00Z");

    private static AlarmInput translate(DeviceType type, LocationKind at, EventKind kind, List<Resident> residents) {
        return EventTranslation.translate(DeviceEvent.now(kind), new Device("dev-1", type, ROOM, at), residents, NOW)
                .orElseThrow();
    }

    @Test
    void a_call_button_in_the_bathroom_raises_a_bathroom_call_and_at_the_bed_a_patient_call() {
        assertThat(((AlarmInput.Call) translate(
                                DeviceType.CALL_BUTTON, LocationKind.BATHROOM, EventKind.CALL_PRESSED, List.of()))
                        .type())
                .isEqualTo(AlarmType.BATHROOM_CALL);
        var bed = (AlarmInput.Call)
                translate(DeviceType.CALL_BUTTON, LocationKind.BED, EventKind.CALL_PRESSED, List.of());
        assertThat(bed.type()).isEqualTo(AlarmType.PATIENT_CALL);
        assertThat(bed.place().roomId()).isEqualTo("r-201");
        assertThat(bed.place().zoneId()).isEqualTo("zone-a");
        assertThat(bed.place().locationKind()).isEqualTo("BED");
    }

    @Test
    void a_pull_cord_is_a_pull_cord_wherever_it_hangs() {
        assertThat(((AlarmInput.Call) translate(
                                DeviceType.PULL_CORD, LocationKind.CORRIDOR, EventKind.CALL_PRESSED, List.of()))
                        .type())
                .isEqualTo(AlarmType.PULL_CORD);
    }

    @Test
    void a_call_names_the_resident_only_when_one_lives_in_the_room() {
        var one = List.of(resident("R-1"));
        var two = List.of(resident("R-1"), resident("R-2"));
        assertThat(((AlarmInput.Call) translate(DeviceType.CALL_BUTTON, LocationKind.BED, EventKind.CALL_PRESSED, one))
                        .residentId())
                .isEqualTo("R-1");
        assertThat(((AlarmInput.Call) translate(DeviceType.CALL_BUTTON, LocationKind.BED, EventKind.CALL_PRESSED, two))
                        .residentId())
                .isNull();
    }

    @Test
    void sensor_events_become_readings_stamped_with_server_time() {
        var reading =
                (AlarmInput.Reading) translate(DeviceType.BED_SENSOR, LocationKind.BED, EventKind.BED_EXIT, List.of());
        assertThat(reading.reading().kind()).isEqualTo(SensorKind.BED_EXIT);
        assertThat(reading.reading().at()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(DeviceType.class)
    void every_device_type_sends_something_and_nothing_outside_its_list(DeviceType type) {
        assertThat(EventTranslation.allowed(type)).isNotEmpty();
        for (EventKind kind : EventKind.values()) {
            var input = EventTranslation.translate(
                    DeviceEvent.now(kind), new Device("dev-1", type, ROOM, LocationKind.BED), List.of(), NOW);
            assertThat(input.isPresent())
                    .as(type + " " + kind)
                    .isEqualTo(EventTranslation.allowed(type).contains(kind));
        }
    }

    private static Resident resident(String id) {
        return new Resident(id, "Navn " + id, "r-201", "sykepleier", false, List.of());
    }
}
