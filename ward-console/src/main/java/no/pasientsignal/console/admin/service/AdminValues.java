package no.pasientsignal.console.admin.service;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The values the administrator's forms offer, as the API spells them, and conversions between form fields and the
 * API's text: times of day {@code HH:mm}, instants as ISO 8601 with an offset.
 */
public final class AdminValues {

    /** Care homes of this product are in Norway: legal-basis dates are entered and shown in Norwegian time. */
    public static final ZoneId CONSOLE_ZONE = ZoneId.of("Europe/Oslo");

    public static final List<String> ROLES =
            List.of("NURSE", "NIGHT_STAFF", "TECHNICIAN", "QUALITY_LEAD", "ADMINISTRATOR");
    public static final List<String> PRIORITIES = List.of("EMERGENCY", "HIGH", "NORMAL", "LOW");
    public static final List<String> TIERS = List.of("PRIMARY", "ZONE_TEAM", "WARD", "SHIFT_LEAD", "RESPONSE_CENTRE");
    public static final List<String> RULE_KINDS =
            List.of("BED_EXIT", "OUT_OF_BED_TOO_LONG", "DOOR_OPENED", "INACTIVITY", "FALL", "INCONTINENCE", "EPILEPSY");
    /** The rule kinds that need a threshold (and only these may have one). */
    public static final Set<String> TIMED_RULE_KINDS = Set.of("OUT_OF_BED_TOO_LONG", "INACTIVITY");

    public static final List<String> BASIS_KINDS = List.of("CONSENT", "DECISION");
    public static final List<String> LOCATION_KINDS = List.of("BED", "BATHROOM", "DOOR", "CORRIDOR");

    /** The shortest password the server accepts (StaffController.MIN_PASSWORD_LENGTH). */
    public static final int MIN_PASSWORD_LENGTH = 12;

    /** Whether a rule of {@code kind} needs a threshold; false for no kind yet. */
    public static boolean isTimed(String kind) {
        return kind != null && TIMED_RULE_KINDS.contains(kind);
    }

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private AdminValues() {}

    /** {@code 07:00}, or null for no time. */
    public static String timeOfDay(LocalTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MINUTES).format(HOURS_MINUTES);
    }

    /** The time of {@code text} ({@code 07:00}), or null for null or blank. */
    public static LocalTime parseTimeOfDay(String text) {
        return text == null || text.isBlank() ? null : LocalTime.parse(text.strip());
    }

    /** A date and time entered in Norwegian time, as the API wants it: {@code 2026-11-23T22:00:00+01:00}. */
    public static String instantText(LocalDateTime local) {
        return local == null
                ? null
                : local.truncatedTo(ChronoUnit.SECONDS)
                        .atZone(CONSOLE_ZONE)
                        .toOffsetDateTime()
                        .toString();
    }

    /** An instant from the API ({@code 2026-11-23T21:00:00Z}) in Norwegian time, or null for null or blank. */
    public static LocalDateTime localDateTime(String instant) {
        return instant == null || instant.isBlank()
                ? null
                : OffsetDateTime.parse(instant.strip())
                        .atZoneSameInstant(CONSOLE_ZONE)
                        .toLocalDateTime();
    }

    /** Whole minutes for a threshold in seconds, rounded up so a threshold never gets shorter. */
    public static Integer minutes(Integer seconds) {
        return seconds == null ? null : (seconds + 59) / 60;
    }

    public static Integer seconds(Integer minutes) {
        return minutes == null ? null : minutes * 60;
    }
}
