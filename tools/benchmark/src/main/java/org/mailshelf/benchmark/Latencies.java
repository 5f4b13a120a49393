package org.mailshelf.benchmark;

import java.util.Arrays;

/** Collected latencies in nanoseconds; thread-safe for adding. */
final class Latencies {
    private long[] values = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile in milliseconds. */
    synchronized double percentileMs(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    String summary() {
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", percentileMs(50),
                percentileMs(95), percentileMs(99), percentileMs(100));
    }

    String minMedianMax() {
        return String.format("min %.2f ms, median %.2f ms, max %.2f ms (n=%d)", percentileMs(0),
                percentileMs(50), percentileMs(100), count());
    }
}
