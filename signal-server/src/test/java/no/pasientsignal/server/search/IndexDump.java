package no.pasientsignal.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Every field of every live document of an index, as plain values keyed by document id: doc
 * values, stored fields, indexed terms (with frequencies) and points. Two indexes with equal dumps
 * answer every query alike, whatever their segments look like.
 */
final class IndexDump {

    private IndexDump() {}

    static Map<String, Map<String, List<String>>> of(AuditIndex index) {
        return index.search(IndexDump::of);
    }

    static Map<String, Map<String, List<String>>> of(IndexSearcher searcher) {
        var out = new TreeMap<String, Map<String, List<String>>>();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                dump(leaf.reader(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void dump(LeafReader reader, Map<String, Map<String, List<String>>> out) throws IOException {
        int max = reader.maxDoc();
        Bits live = reader.getLiveDocs();
        List<Map<String, List<String>>> docs = new ArrayList<>();
        for (int d = 0; d < max; d++) {
            docs.add(new TreeMap<>());
        }
        for (FieldInfo field : reader.getFieldInfos()) {
            String name = field.name;
            switch (field.getDocValuesType()) {
                case NUMERIC -> {
                    var values = DocValues.getNumeric(reader, name);
                    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                        add(docs, d, "dv:" + name, Long.toString(values.longValue()));
                    }
                }
                case SORTED -> {
                    SortedDocValues values = DocValues.getSorted(reader, name);
                    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                        add(
                                docs,
                                d,
                                "dv:" + name,
                                values.lookupOrd(values.ordValue()).utf8ToString());
                    }
                }
                case SORTED_SET -> {
                    var values = DocValues.getSortedSet(reader, name);
                    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            add(
                                    docs,
                                    d,
                                    "dv:" + name,
                                    values.lookupOrd(values.nextOrd()).utf8ToString());
                        }
                    }
                }
                case NONE -> {}
                default -> throw new IllegalStateException("not dumped: " + field.getDocValuesType() + " " + name);
            }
            if (field.getIndexOptions() != IndexOptions.NONE) {
                Terms terms = reader.terms(name);
                TermsEnum te = terms.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    String text = term.utf8ToString();
                    postings = te.postings(postings, PostingsEnum.FREQS);
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        add(docs, d, "term:" + name, text + "x" + postings.freq());
                    }
                }
            }
            if (field.getPointDimensionCount() > 0) {
                reader.getPointValues(name).intersect(new PointValues.IntersectVisitor() {
                    @Override
                    public void visit(int docID) {
                        throw new IllegalStateException("needs the values");
                    }

                    @Override
                    public void visit(int docID, byte[] packedValue) {
                        add(docs, docID, "point:" + name, HexFormat.of().formatHex(packedValue));
                    }

                    @Override
                    public PointValues.Relation compare(byte[] min, byte[] max) {
                        return PointValues.Relation.CELL_CROSSES_QUERY;
                    }
                });
            }
        }
        var stored = reader.storedFields();
        for (int d = 0; d < max; d++) {
            for (IndexableField f : stored.document(d)) {
                add(docs, d, "stored:" + f.name(), f.stringValue());
            }
        }
        for (int d = 0; d < max; d++) {
            if (live == null || live.get(d)) {
                String id = docs.get(d).get("dv:" + IndexSchema.ID).getFirst();
                if (out.put(id, docs.get(d)) != null) {
                    throw new IllegalStateException("two live documents with id " + id);
                }
            }
        }
    }

    private static void add(List<Map<String, List<String>>> docs, int doc, String key, String value) {
        docs.get(doc).computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
