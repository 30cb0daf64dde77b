package no.pasientsignal.server.alarm;

import java.util.Objects;
import java.util.Optional;

/**
 * Every kind of alarm the site handles, with its default priority and its code in the national
 * VKP alert code system. This enum is the one mapping table: consumers (the board, the handset
 * API, the journal, an export to the patient record) read codes from here and nowhere else.
 *
 * <p>VKP codes are from {@value #VKP_SYSTEM} (HL7Norway/Velferdsteknologi, version 0.9.0, the
 * published draft). Where that system has no concept for a type the code is empty, and where the
 * nearest concept is broader than the type {@link #vkpExact()} is false, so an export can say so
 * rather than pretend. SCAIP (CLC/TS 50134-9) codes are not in this table: the specification is
 * not openly published and we will not invent numbers; see docs/alarm-codes.md.
 */
public enum AlarmType {
    EMERGENCY(AlarmKind.CALL, Priority.EMERGENCY, "4.13", false, "Nødalarm"),
    STAFF_ASSIST(AlarmKind.CALL, Priority.EMERGENCY, "4.13", false, "Assistanse"),
    BATHROOM_CALL(AlarmKind.CALL, Priority.HIGH, "4.13", false, "Baderomsrop"),
    PULL_CORD(AlarmKind.CALL, Priority.HIGH, "4.14", true, "Snortrekk"),
    PATIENT_CALL(AlarmKind.CALL, Priority.NORMAL, "4.13", true, "Pasientrop"),
    BED_EXIT(AlarmKind.PASSIVE, Priority.HIGH, "4.2", true, "Forlatt sengen"),
    OUT_OF_BED_TOO_LONG(AlarmKind.PASSIVE, Priority.HIGH, "4.2", false, "Ikke tilbake i seng"),
    DOOR_OPENED_AT_NIGHT(AlarmKind.PASSIVE, Priority.HIGH, "4.15", false, "Dør åpnet om natten"),
    FALL(AlarmKind.PASSIVE, Priority.EMERGENCY, "4.1", true, "Fall"),
    INACTIVITY(AlarmKind.PASSIVE, Priority.HIGH, "4.9", true, "Inaktivitet"),
    SMOKE(AlarmKind.PASSIVE, Priority.EMERGENCY, "4.11", true, "Brannalarm"),
    INCONTINENCE(AlarmKind.PASSIVE, Priority.LOW, null, false, "Inkontinens"),
    EPILEPSY(AlarmKind.PASSIVE, Priority.EMERGENCY, null, false, "Epilepsianfall"),
    TECHNICAL(AlarmKind.TECHNICAL, Priority.LOW, null, false, "Teknisk feil");

    public static final String VKP_SYSTEM = "http://ehelse.no/fhir/CodeSystem/vkp-alert-code-v090";

    private final AlarmKind kind;
    private final Priority defaultPriority;
    private final String vkpCode;
    private final boolean vkpExact;
    private final String label;

    AlarmType(AlarmKind kind, Priority defaultPriority, String vkpCode, boolean vkpExact, String label) {
        this.kind = Objects.requireNonNull(kind);
        this.defaultPriority = Objects.requireNonNull(defaultPriority);
        this.vkpCode = vkpCode;
        this.vkpExact = vkpExact;
        this.label = label;
    }

    public AlarmKind kind() {
        return kind;
    }

    public Priority defaultPriority() {
        return defaultPriority;
    }

    /** The VKP alert code, if the national code system has a concept for this type. */
    public Optional<String> vkpCode() {
        return Optional.ofNullable(vkpCode);
    }

    /** True when the VKP concept means exactly this type, false when it is the nearest broader one. */
    public boolean vkpExact() {
        return vkpCode != null && vkpExact;
    }

    /** The Norwegian label staff know the alarm by (the console translates by enum name). */
    public String label() {
        return label;
    }
}
