package no.pasientsignal.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are rounded for showing: half up, on the shortest decimal form of the double. */
final class Round {

    private Round() {}

    static Double to(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** {@code part / whole} to 4 decimals (a share 0..1), or null when nothing to divide by. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : to((double) part / whole, 4);
    }
}
