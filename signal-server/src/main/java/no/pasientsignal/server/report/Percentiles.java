package no.pasientsignal.server.report;

import java.util.Arrays;

/**
 * Percentiles of a set of durations, in seconds (millisecond precision), by the nearest-rank
 * method: the p-th percentile is the smallest sample such that at least p % of the samples are at
 * or below it, i.e. the sample at rank ceil(p/100 x n) in ascending order. Every figure is an
 * observed response time (no interpolation), so anyone can check it by sorting the samples. With
 * no samples every figure is null; with one sample every figure is that sample.
 */
public record Percentiles(int count, Double p50, Double p90, Double p95, Double max) {

    static final Percentiles NONE = new Percentiles(0, null, null, null, null);

    /** From durations in milliseconds (the array is sorted in place). */
    static Percentiles ofMillis(long[] millis, int n) {
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(millis, 0, n);
        return new Percentiles(
                n,
                seconds(rank(millis, n, 50)),
                seconds(rank(millis, n, 90)),
                seconds(rank(millis, n, 95)),
                seconds(millis[n - 1]));
    }

    /** The nearest-rank percentile: rank ceil(p x n / 100), counted from 1. */
    static long rank(long[] sorted, int n, int p) {
        int rank = (int) ((p * (long) n + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
