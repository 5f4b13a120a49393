package org.mailshelf.tls.internal;

import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls for what a background thread does, for no longer than the deadline and no longer than needed. */
final class Eventually {

    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    static void await(Duration deadline, String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                fail("Not within " + deadline.toMillis() + " ms: " + what);
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
