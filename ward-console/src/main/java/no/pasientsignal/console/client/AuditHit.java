package no.pasientsignal.console.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One hit of the audit search: an alarm with its whole history (kind {@code alarm}) or another journal record (kind
 * {@code entry}: actor, action, subject, details). Fields that do not apply are null. Residents appear only by
 * pseudonym. Durations are milliseconds from raised.
 */
public record AuditHit(
        String kind,
        String id,
        long sequence,
        Instant time,
        String site,
        String ward,
        String zone,
        String room,
        String location,
        String resident,
        String type,
        String priority,
        String outcome,
        String device,
        Instant raisedAt,
        Instant notifiedAt,
        Instant acceptedAt,
        Instant presentAt,
        Instant closedAt,
        Long timeToNotifyMs,
        Long timeToAcceptMs,
        Long timeToPresentMs,
        Long timeToCloseMs,
        String acceptedBy,
        String closedBy,
        List<String> recipients,
        Integer returns,
        Integer repeats,
        Integer escalations,
        Boolean unreachable,
        String actor,
        String action,
        String subject,
        Map<String, String> details) {

    public boolean isAlarm() {
        return "alarm".equals(kind);
    }
}
