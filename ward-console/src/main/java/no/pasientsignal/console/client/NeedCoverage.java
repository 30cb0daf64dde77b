package no.pasientsignal.console.client;

/**
 * One care need of a resident and how it is covered now, as the signal server reports it inside a {@link
 * ProtectionAlert}. The enum-like fields are kept as strings so new values from the server do not break the console;
 * {@code description} and {@code explanation} are the server's English wording, a fallback for values the console
 * does not know.
 *
 * @param deviceType e.g. {@code CALL_BUTTON}
 * @param locationKind e.g. {@code BED}
 * @param coverage e.g. {@code SILENT}, {@code TAMPERED}
 * @param description e.g. {@code call button at bed}
 * @param explanation e.g. {@code device silent}
 * @param deviceId the device that covers (or fails to cover) the need; null when there is none
 * @param batteryPercent its last reported battery; null if never reported
 */
public record NeedCoverage(
        String deviceType,
        String locationKind,
        String coverage,
        String description,
        String explanation,
        String deviceId,
        Integer batteryPercent) {}
