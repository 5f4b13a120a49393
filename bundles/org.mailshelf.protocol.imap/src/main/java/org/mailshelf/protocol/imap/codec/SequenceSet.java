package org.mailshelf.protocol.imap.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * An RFC 3501 sequence-set ({@code 1:3,5,7:*}), for message sequence numbers and UIDs alike. Kept as the list
 * of ranges the client wrote, reversed ranges turned round, {@code *} left symbolic: what it stands for (the
 * highest sequence number or UID in use) is known only when the set is applied, so every query takes it as
 * {@code star}. Immutable.
 */
public final class SequenceSet {

    /** Largest nz-number (RFC 3501: 32-bit unsigned). */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;

    /** Stands for {@code *} in a bound. */
    private static final long STAR = -1;

    /** A resolved range, {@code first <= last}. */
    public record Range(long first, long last) {
        public long size() {
            return last - first + 1;
        }
    }

    /** Pairs of bounds; each pair is ordered with STAR counting as the largest. */
    private final long[] bounds;

    private SequenceSet(long[] bounds) {
        this.bounds = bounds;
    }

    public static SequenceSet parse(String text) throws ParseException {
        if (text.isEmpty()) {
            throw new ParseException("Empty sequence set");
        }
        String[] parts = text.split(",", -1);
        long[] bounds = new long[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            long a = bound(colon < 0 ? part : part.substring(0, colon), text);
            long b = colon < 0 ? a : bound(part.substring(colon + 1), text);
            boolean swap = a == STAR || (b != STAR && b < a);
            bounds[2 * i] = swap ? b : a;
            bounds[2 * i + 1] = swap ? a : b;
        }
        return new SequenceSet(bounds);
    }

    private static long bound(String s, String whole) throws ParseException {
        if (s.equals("*")) {
            return STAR;
        }
        if (s.isEmpty() || s.length() > 10 || !ImapChars.allMatch(s, ImapChars::isDigit)) {
            throw new ParseException("Invalid sequence set");
        }
        long n = Long.parseLong(s);
        if (n == 0 || n > MAX_NUMBER) {
            throw new ParseException("Invalid number in sequence set");
        }
        return n;
    }

    /** The set of the given numbers (in any order, repeats allowed), compressed into ranges; e.g. for COPYUID. */
    public static SequenceSet of(long... numbers) {
        long[] sorted = numbers.clone();
        Arrays.sort(sorted);
        List<Long> bounds = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1 || sorted[i] > MAX_NUMBER) {
                throw new IllegalArgumentException("not a valid sequence number or UID");
            }
            if (bounds.isEmpty() || sorted[i] > bounds.get(bounds.size() - 1) + 1) {
                bounds.add(sorted[i]);
                bounds.add(sorted[i]);
            } else {
                bounds.set(bounds.size() - 1, sorted[i]);
            }
        }
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("a sequence set is never empty");
        }
        return new SequenceSet(bounds.stream().mapToLong(Long::longValue).toArray());
    }

    /** Whether {@code *} occurs in the set. */
    public boolean usesStar() {
        for (long b : bounds) {
            if (b == STAR) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code n} is in the set when {@code *} stands for {@code star}. */
    public boolean contains(long n, long star) {
        for (int i = 0; i < bounds.length; i += 2) {
            long a = resolve(bounds[i], star);
            long b = resolve(bounds[i + 1], star);
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The set as sorted, merged, disjoint ranges when {@code *} stands for {@code star}. With {@code star}
     * 0 (an empty mailbox), {@code *} matches nothing.
     */
    public List<Range> ranges(long star) {
        long[][] pairs = new long[bounds.length / 2][];
        for (int i = 0; i < pairs.length; i++) {
            long a = resolve(bounds[2 * i], star);
            long b = resolve(bounds[2 * i + 1], star);
            pairs[i] = new long[] {Math.max(1, Math.min(a, b)), Math.max(a, b)};
        }
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
        List<Range> out = new ArrayList<>();
        for (long[] p : pairs) {
            if (p[1] < p[0]) {
                continue;
            }
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && p[0] <= last.last() + 1) {
                out.set(out.size() - 1, new Range(last.first(), Math.max(last.last(), p[1])));
            } else {
                out.add(new Range(p[0], p[1]));
            }
        }
        return out;
    }

    /**
     * The numbers of the set from 1 to {@code max}, ascending, each once, with {@code *} standing for
     * {@code max}. For message sequence numbers; for UIDs prefer {@link #ranges(long)} against the UIDs in use.
     */
    public PrimitiveIterator.OfLong iterator(long max) {
        List<Range> ranges = ranges(max);
        return new PrimitiveIterator.OfLong() {
            private int index;
            private long next = ranges.isEmpty() ? 1 : ranges.get(0).first();

            @Override
            public boolean hasNext() {
                return index < ranges.size() && next <= max;
            }

            @Override
            public long nextLong() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long n = next;
                if (n == ranges.get(index).last()) {
                    index++;
                    next = index < ranges.size() ? ranges.get(index).first() : n + 1;
                } else {
                    next = n + 1;
                }
                return n;
            }
        };
    }

    private static long resolve(long bound, long star) {
        return bound == STAR ? star : bound;
    }

    /** The set as written, each range low to high ({@code 4:2} becomes {@code 2:4}, {@code *:7} {@code 7:*}). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(text(bounds[i]));
            if (bounds[i + 1] != bounds[i]) {
                b.append(':').append(text(bounds[i + 1]));
            }
        }
        return b.toString();
    }

    private static String text(long bound) {
        return bound == STAR ? "*" : Long.toString(bound);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }
}
