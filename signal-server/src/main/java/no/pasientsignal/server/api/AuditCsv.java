package no.pasientsignal.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CSV export of audit search hits: RFC 4180 (comma, CRLF, fields quoted when they hold a
 * comma, quote or line break, quotes doubled), UTF-8, one header row, the same columns for alarms
 * and entries. A text cell that a spreadsheet would run as a formula is prefixed with an apostrophe:
 * search terms typed by staff are in the audit trail, and opening an export must not execute them.
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of(
            "kind",
            "id",
            "sequence",
            "time",
            "site",
            "ward",
            "zone",
            "room",
            "location",
            "resident",
            "type",
            "priority",
            "outcome",
            "device",
            "raisedAt",
            "notifiedAt",
            "acceptedAt",
            "presentAt",
            "closedAt",
            "timeToNotifyMs",
            "timeToAcceptMs",
            "timeToPresentMs",
            "timeToCloseMs",
            "acceptedBy",
            "closedBy",
            "recipients",
            "returns",
            "repeats",
            "escalations",
            "unreachable",
            "actor",
            "action",
            "subject",
            "details");

    private AuditCsv() {}

    static String header() {
        return line(COLUMNS.stream().map(c -> (Object) c).toList());
    }

    static String row(AuditDtos.HitDto h) {
        return line(java.util.Arrays.asList(
                h.kind(),
                h.id(),
                h.sequence(),
                h.time(),
                h.site(),
                h.ward(),
                h.zone(),
                h.room(),
                h.location(),
                h.resident(),
                h.type(),
                h.priority(),
                h.outcome(),
                h.device(),
                h.raisedAt(),
                h.notifiedAt(),
                h.acceptedAt(),
                h.presentAt(),
                h.closedAt(),
                h.timeToNotifyMs(),
                h.timeToAcceptMs(),
                h.timeToPresentMs(),
                h.timeToCloseMs(),
                h.acceptedBy(),
                h.closedBy(),
                h.recipients() == null ? null : String.join(";", h.recipients()),
                h.returns(),
                h.repeats(),
                h.escalations(),
                h.unreachable(),
                h.actor(),
                h.action(),
                h.subject(),
                details(h.details())));
    }

    private static String details(Map<String, String> details) {
        return details == null || details.isEmpty()
                ? null
                : details.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "));
    }

    private static String line(List<Object> values) {
        var out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant at ? at.toString() : value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
