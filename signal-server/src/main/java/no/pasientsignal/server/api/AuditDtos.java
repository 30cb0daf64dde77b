package no.pasientsignal.server.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.search.AuditIndex;
import no.pasientsignal.server.search.AuditSearch;
import no.pasientsignal.server.search.SearchHit;

/** What the audit search API answers. Residents appear only by pseudonym. */
final class AuditDtos {

    private AuditDtos() {}

    /** A page of hits, how many match in all, and the facet counts of all matches. */
    @Serdeable
    /** @param complete false while the index is being rebuilt: older records may be missing from the hits */
    public record SearchResultDto(
            long total, int page, int size, List<HitDto> hits, Map<String, List<FacetDto>> facets, boolean complete) {
        static SearchResultDto of(AuditSearch.Result result, int page, int size, boolean complete) {
            var facets = new java.util.LinkedHashMap<String, List<FacetDto>>();
            result.facets()
                    .forEach((field, counts) -> facets.put(
                            field,
                            counts.stream()
                                    .map(c -> new FacetDto(c.value(), c.count()))
                                    .toList()));
            return new SearchResultDto(
                    result.total(),
                    page,
                    size,
                    result.hits().stream().map(HitDto::of).toList(),
                    facets,
                    complete);
        }
    }

    @Serdeable
    public record FacetDto(String value, long count) {}

    /**
     * One alarm (kind {@code alarm}: its whole history, durations in milliseconds from raised) or
     * one other journal record (kind {@code entry}: type, actor, action, subject, details). Fields
     * that do not apply are left out.
     */
    @Serdeable
    public record HitDto(
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

        static HitDto of(SearchHit hit) {
            AlarmHistory a = hit.alarm();
            if (a != null) {
                return new HitDto(
                        hit.kind(),
                        hit.id(),
                        hit.sequence(),
                        hit.time(),
                        a.siteId(),
                        a.wardId(),
                        a.zoneId(),
                        a.roomId(),
                        a.locationKind(),
                        a.residentId(),
                        a.type().name(),
                        a.priority().name(),
                        a.outcome().name(),
                        a.deviceId(),
                        a.raisedAt(),
                        a.notifiedAt(),
                        a.acceptedAt(),
                        a.presentAt(),
                        a.closedAt(),
                        millis(a.raisedAt(), a.notifiedAt()),
                        a.toAccepted().map(Duration::toMillis).orElse(null),
                        a.toPresent().map(Duration::toMillis).orElse(null),
                        a.toClosed().map(Duration::toMillis).orElse(null),
                        a.acceptedBy(),
                        a.closedBy(),
                        a.recipients(),
                        a.returns(),
                        a.repeats(),
                        a.escalations(),
                        a.unreachable(),
                        null,
                        null,
                        null,
                        null);
            }
            SearchHit.Entry e = hit.entry();
            return new HitDto(
                    hit.kind(),
                    hit.id(),
                    hit.sequence(),
                    hit.time(),
                    e.site(),
                    null,
                    null,
                    e.room(),
                    null,
                    null,
                    e.type(),
                    null,
                    null,
                    e.device(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    e.actor(),
                    e.action(),
                    e.subject(),
                    e.details());
        }

        private static Long millis(Instant from, Instant to) {
            return to == null ? null : Duration.between(from, to).toMillis();
        }
    }

    /**
     * The index and its current or last rebuild.
     *
     * @param state READY, REBUILDING or FAILED
     * @param complete false while the index waits for a rebuild to fill it
     * @param lastIndexedSequence the journal sequence the index has reached
     * @param journalSequence the journal's last durable sequence
     * @param recordsDone records the rebuild has read, of {@code recordsTotal}
     */
    @Serdeable
    public record IndexStatusDto(
            String state,
            boolean complete,
            long lastIndexedSequence,
            long journalSequence,
            String problem,
            String rebuildReason,
            long recordsDone,
            long recordsTotal,
            double recordsPerSecond,
            Instant startedAt,
            Instant finishedAt) {
        static IndexStatusDto of(AuditIndex.Status s) {
            return new IndexStatusDto(
                    s.state().name(),
                    s.complete(),
                    s.lastIndexedSequence(),
                    s.journalSequence(),
                    s.problem(),
                    s.reason(),
                    s.done(),
                    s.total(),
                    Math.round(s.recordsPerSecond() * 10) / 10.0,
                    s.startedAt(),
                    s.finishedAt());
        }
    }
}
