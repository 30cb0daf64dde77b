package no.pasientsignal.console.devices.ui;

import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import no.pasientsignal.console.devices.service.HealthState;

/**
 * The words for the server's codes (device types, location kinds, states, coverage), from the devices bundle; an
 * unknown code from a newer server is shown as the server sent it rather than as a missing key.
 */
final class DeviceTexts {

    /** The device types the server knows, in the order the forms offer them. */
    static final List<String> DEVICE_TYPES = List.of(
            "CALL_BUTTON",
            "PULL_CORD",
            "BED_SENSOR",
            "DOOR_SENSOR",
            "MOTION_SENSOR",
            "FALL_SENSOR",
            "SMOKE_DETECTOR",
            "CAMERA");

    // times in the console's zone; the console runs at the site it serves
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private DeviceTexts() {}

    static String type(Component where, String type) {
        return code(where, "devices.type.", type);
    }

    static String location(Component where, String kind) {
        return code(where, "devices.location.", kind);
    }

    static String state(Component where, String state) {
        return code(where, "devices.state.", state);
    }

    static String health(Component where, HealthState health) {
        return where.getTranslation("devices.health." + health.name());
    }

    static String alert(Component where, String kind) {
        return code(where, "devices.alert.", kind);
    }

    /** Why a need is not covered, in the user's words; the server's English explanation if the code is new. */
    static String coverage(Component where, String coverage, String serverExplanation) {
        String text = where.getTranslation("devices.coverage." + coverage);
        return text.startsWith("!") ? serverExplanation : text;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String code(Component where, String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = where.getTranslation(prefix + code);
        return text.startsWith("!") ? code : text;
    }
}
