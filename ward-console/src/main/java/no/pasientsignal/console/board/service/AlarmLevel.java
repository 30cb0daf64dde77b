package no.pasientsignal.console.board.service;

import java.util.Locale;

/**
 * The alarm priority a board shows, after IEC 60601-1-8: {@link #HIGH} red and flashing fast, {@link #MEDIUM} yellow
 * and flashing slower, {@link #LOW} cyan and steady. The server has four priorities; its EMERGENCY and HIGH both
 * need someone now, so both are IEC high.
 */
public enum AlarmLevel {
    HIGH,
    MEDIUM,
    LOW;

    /** The level of a server priority; an unknown priority is shown as medium, so a new kind of call is not missed. */
    public static AlarmLevel of(String serverPriority) {
        if (serverPriority == null) {
            return MEDIUM;
        }
        return switch (serverPriority.trim().toUpperCase(Locale.ROOT)) {
            case "EMERGENCY", "HIGH" -> HIGH;
            case "LOW" -> LOW;
            default -> MEDIUM;
        };
    }

    /** The CSS class on a tile: {@code priority-high}, {@code priority-medium}, {@code priority-low}. */
    public String cssClass() {
        return "priority-" + name().toLowerCase(Locale.ROOT);
    }

    public boolean isMoreUrgentThan(AlarmLevel other) {
        return ordinal() < other.ordinal();
    }
}
