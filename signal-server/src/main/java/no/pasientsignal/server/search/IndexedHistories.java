package no.pasientsignal.server.search;

import static no.pasientsignal.server.search.IndexSchema.*;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import no.pasientsignal.server.alarm.AlarmRecords;
import no.pasientsignal.server.alarm.AlarmType;
import no.pasientsignal.server.report.AlarmHistories;
import no.pasientsignal.server.report.AlarmHistory;
import no.pasientsignal.server.report.HistoryFilter;
import no.pasientsignal.server.report.Visit;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The reports' view of the audit trail, read from the index: the filter becomes a Lucene query
 * (terms and a point range, no scoring) and each match is read from doc values only, so a year of
 * a site's alarms streams without loading a stored field.
 */
public final class IndexedHistories implements AlarmHistories {

    private final AuditIndex index;

    public IndexedHistories(AuditIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public Optional<String> incomplete() {
        AuditIndex.Status status = index.status();
        if (status.complete()) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "the audit index is being rebuilt from the journal (%,d of %,d records read)",
                status.done(), status.total()));
    }

    @Override
    public void forEach(HistoryFilter filter, Consumer<AlarmHistory> sink) {
        var query = new BooleanQuery.Builder()
                .add(term(KIND, SearchHit.ALARM), BooleanClause.Occur.FILTER)
                .add(term(SITE, filter.siteId()), BooleanClause.Occur.FILTER)
                .add(range(RAISED_AT, filter.from(), filter.to()), BooleanClause.Occur.FILTER);
        if (filter.wardId() != null) {
            query.add(term(WARD, filter.wardId()), BooleanClause.Occur.FILTER);
        }
        if (filter.zoneId() != null) {
            query.add(term(ZONE, filter.zoneId()), BooleanClause.Occur.FILTER);
        }
        if (!filter.types().isEmpty()) {
            query.add(
                    new TermInSetQuery(
                            TYPE,
                            filter.types().stream()
                                    .map(AlarmType::name)
                                    .sorted()
                                    .map(BytesRef::new)
                                    .toList()),
                    BooleanClause.Occur.FILTER);
        }
        Query q = query.build();
        index.search(searcher -> {
            LeafDocs.scan(
                    searcher, q, (docs, doc) -> sink.accept(docs.folded(doc).history()));
            return null;
        });
    }

    @Override
    public void forEachVisit(String siteId, Instant from, Instant to, Consumer<Visit> sink) {
        Query q = new BooleanQuery.Builder()
                .add(term(KIND, SearchHit.ENTRY), BooleanClause.Occur.FILTER)
                .add(term(TYPE, AlarmRecords.PRESENCE), BooleanClause.Occur.FILTER)
                .add(term(ACTION, PRESENCE_MARKED), BooleanClause.Occur.FILTER)
                .add(term(SITE, siteId), BooleanClause.Occur.FILTER)
                .add(range(TIME, from, to), BooleanClause.Occur.FILTER)
                .build();
        index.search(searcher -> {
            LeafDocs.scan(searcher, q, (docs, doc) -> sink.accept(docs.visit(doc)));
            return null;
        });
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    /**
     * {@code [from, to)} in the index's microseconds: by points when the range is what narrows the
     * search, by doc values when another clause (a type) already has few matches.
     */
    static Query range(String field, Instant from, Instant to) {
        long lower = micros(from);
        long upper = micros(to) - 1;
        return new IndexOrDocValuesQuery(
                LongPoint.newRangeQuery(field, lower, upper),
                NumericDocValuesField.newSlowRangeQuery(field, lower, upper));
    }
}
