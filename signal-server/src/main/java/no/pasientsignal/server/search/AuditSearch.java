package no.pasientsignal.server.search;

import static no.pasientsignal.server.search.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Quality leads' searches of the index: full text and field filters, a time range, facet counts
 * for the matches, a sorted page of hits, and an export cursor that walks every match in order.
 */
public final class AuditSearch {

    /** The facets counted for every search, in this order. */
    public static final List<String> FACETS = List.of(SITE, WARD, ZONE, TYPE, PRIORITY, OUTCOME);

    private static final int FACET_VALUES = 50;
    private static final int EXPORT_CHUNK = 1_000;

    /** One value of a facet and how many matches have it. */
    public record FacetCount(String value, long count) {}

    /** A page of hits, the total and the facets of all matches. */
    public record Result(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {}

    private final AuditIndex index;
    private final Analyzer analyzer;
    private FacetStates facetStates; // guarded by this

    public AuditSearch(AuditIndex index) {
        this.index = Objects.requireNonNull(index, "index");
        var keywords = new HashMap<String, Analyzer>();
        KEYWORDS.forEach(field -> keywords.put(field, new KeywordAnalyzer()));
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), keywords);
    }

    public Result search(SearchQuery search) {
        Query query = query(search);
        Sort sort = sort(search);
        int window = (search.page() + 1) * search.size();
        return index.search(searcher -> {
            FacetsCollectorManager.FacetsResult found =
                    FacetsCollectorManager.search(searcher, query, window, sort, new FacetsCollectorManager());
            FacetsCollector matches = found.facetsCollector();
            long total = matches.getMatchingDocs().stream()
                    .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                    .sum();
            ScoreDoc[] all = found.topDocs().scoreDocs;
            int start = Math.min(all.length, search.page() * search.size());
            List<SearchHit> hits = read(searcher, Arrays.copyOfRange(all, start, all.length));
            return new Result(total, hits, facets(searcher.getIndexReader(), matches));
        });
    }

    /** How many documents match (to audit an export before it streams). */
    public long count(SearchQuery search) {
        Query query = query(search);
        return index.search(searcher -> (long) searcher.count(query));
    }

    /** Walks every match of {@code search} in its sort order, a chunk at a time, on one searcher. */
    public Cursor export(SearchQuery search) {
        return new Cursor(index.lease(), query(search), sort(search));
    }

    /** An export in progress. Close it when done (it holds a point-in-time searcher). */
    public static final class Cursor implements AutoCloseable {
        private final AuditIndex.Lease lease;
        private final Query query;
        private final Sort sort;
        private ScoreDoc after;
        private boolean done;

        private Cursor(AuditIndex.Lease lease, Query query, Sort sort) {
            this.lease = lease;
            this.query = query;
            this.sort = sort;
        }

        /** The next matches, in order; empty at the end. */
        public List<SearchHit> next() {
            if (done) {
                return List.of();
            }
            try {
                TopDocs page = lease.searcher().searchAfter(after, query, EXPORT_CHUNK, sort);
                if (page.scoreDocs.length < EXPORT_CHUNK) {
                    done = true;
                }
                if (page.scoreDocs.length == 0) {
                    return List.of();
                }
                after = page.scoreDocs[page.scoreDocs.length - 1];
                return read(lease.searcher(), page.scoreDocs);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    /** The Lucene query for a search; refuses text it cannot parse with {@link SearchQuery.InvalidSearch}. */
    Query query(SearchQuery search) {
        var query = new BooleanQuery.Builder();
        if (search.text() != null && !search.text().isBlank()) {
            var parser = new QueryParser(TEXT, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            try {
                query.add(parser.parse(search.text()), BooleanClause.Occur.MUST);
            } catch (ParseException | RuntimeException e) {
                throw new SearchQuery.InvalidSearch("q could not be read as a query (" + firstSentence(e)
                        + "); use plain words, or Lucene syntax such as type:FALL AND ward:ward-1.");
            }
        } else {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        search.filters()
                .forEach(
                        (field, value) -> query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER));
        if (search.from() != null || search.to() != null) {
            long from = search.from() == null ? Long.MIN_VALUE : micros(search.from());
            long to = search.to() == null ? Long.MAX_VALUE : micros(search.to()) - 1;
            query.add(LongPoint.newRangeQuery(TIME, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static String firstSentence(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf("Was expecting");
        message = (cut > 0 ? message.substring(0, cut) : message).strip().replaceAll("\\s+", " ");
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** Missing values last either way; ties broken by journal sequence, so pages never overlap. */
    static Sort sort(SearchQuery search) {
        boolean reverse = search.descending();
        String field = search.sort();
        SortField primary;
        if (field.equals(PRIORITY)) {
            primary = new SortField(PRIORITY_RANK, SortField.Type.LONG, reverse);
            primary.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
        } else if (KEYWORDS.contains(field)) {
            primary = new SortField(field, SortField.Type.STRING, reverse);
            primary.setMissingValue(reverse ? SortField.STRING_FIRST : SortField.STRING_LAST);
        } else {
            primary = new SortField(field, SortField.Type.LONG, reverse);
            primary.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        return new Sort(primary, new SortField(SEQ, SortField.Type.LONG, reverse));
    }

    /** Reads hits from doc values, segment by segment in doc order, and returns them in the given order. */
    private static List<SearchHit> read(IndexSearcher searcher, ScoreDoc[] docs) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        var hits = new SearchHit[docs.length];
        LeafDocs current = null;
        int currentLeaf = -1;
        for (int i : order) {
            int leaf = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (leaf != currentLeaf) {
                current = new LeafDocs(leaves.get(leaf).reader());
                currentLeaf = leaf;
            }
            hits[i] = current.hit(docs[i].doc - leaves.get(leaf).docBase);
        }
        return List.of(hits);
    }

    private Map<String, List<FacetCount>> facets(IndexReader reader, FacetsCollector matches) throws IOException {
        var out = new LinkedHashMap<String, List<FacetCount>>();
        for (String field : FACETS) {
            var counts = new ArrayList<FacetCount>();
            StringDocValuesReaderState state = facetState(reader, field);
            if (state != null) {
                FacetResult top = new StringValueFacetCounts(state, matches).getTopChildren(FACET_VALUES, field);
                if (top != null) {
                    for (LabelAndValue lv : top.labelValues) {
                        counts.add(new FacetCount(lv.label, lv.value.longValue()));
                    }
                }
            }
            out.put(field, counts);
        }
        return out;
    }

    /**
     * Facet counting needs each field's ordinals mapped across segments; that map is built once per
     * searcher (a refresh makes a new one), not once per search.
     */
    private synchronized StringDocValuesReaderState facetState(IndexReader reader, String field) throws IOException {
        if (facetStates == null || facetStates.reader() != reader) {
            facetStates = new FacetStates(reader, new HashMap<>());
        }
        if (!facetStates.states().containsKey(field)) {
            FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(field);
            facetStates
                    .states()
                    .put(
                            field,
                            info == null || info.getDocValuesType() != DocValuesType.SORTED
                                    ? null
                                    : new StringDocValuesReaderState(reader, field));
        }
        return facetStates.states().get(field);
    }

    private record FacetStates(IndexReader reader, Map<String, StringDocValuesReaderState> states) {}
}
