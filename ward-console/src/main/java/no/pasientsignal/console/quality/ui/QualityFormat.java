package no.pasientsignal.console.quality.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the quality views write times and figures in the user's language. Missing figures are a dash, never 0. */
final class QualityFormat {

    /**
     * The time zone times are shown and typed in: the care homes' own (the server's reports use each site's zone,
     * Europe/Oslo unless configured otherwise).
     */
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    static final String MISSING = "–";

    private QualityFormat() {}

    static String time(Instant instant, Locale locale) {
        if (instant == null) {
            return MISSING;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(ZONE)
                .format(instant);
    }

    /** {@code 12.5 s}-style, with the locale's decimal mark; at most {@code decimals} decimals. */
    static String number(Double value, int decimals, Locale locale) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    static String millisAsSeconds(Long millis, Locale locale) {
        return millis == null ? MISSING : number(millis / 1000.0, 1, locale) + " s";
    }
}
