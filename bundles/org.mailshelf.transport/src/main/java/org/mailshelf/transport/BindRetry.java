package org.mailshelf.transport;

/** How often a listener whose address is taken has tried to bind, and how long it waits before the next try. */
record BindRetry(int attempt) {
    static final BindRetry NONE = new BindRetry(0);
    private static final long FIRST_DELAY_MS = 500;
    private static final long LONGEST_DELAY_MS = 30_000;

    BindRetry next() {
        return new BindRetry(attempt + 1);
    }

    /** The 2nd, 4th, 8th ... attempt, then every 20th (every ten minutes): enough to see it, not to flood. */
    boolean worthLogging() {
        return attempt % 20 == 0 || Integer.bitCount(attempt) == 1 && attempt <= 16;
    }

    /** Doubles from half a second up to half a minute. */
    long delayMillis() {
        int doublings = Math.min(attempt - 1, 10);
        return Math.min(FIRST_DELAY_MS << doublings, LONGEST_DELAY_MS);
    }
}
