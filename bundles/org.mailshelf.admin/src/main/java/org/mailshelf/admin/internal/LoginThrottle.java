package org.mailshelf.admin.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: each failed admin login from an address delays the answer one second longer than the
 * last, up to a cap; a success or a quiet period forgets the address.
 */
final class LoginThrottle {

    static final Duration STEP = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    /** After this long without a failure an address starts from zero again. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** Bounds memory when many addresses fail; forgetting everyone only shortens some delays. */
    static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, long lastNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Counts a failure and says how long to hold back the answer to it. */
    Duration failed(String address) {
        long now = nanoTime.getAsLong();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.clear();
        }
        Failures f = failures.merge(address, new Failures(1, now), (old, one) ->
                now - old.lastNanos() > FORGET_AFTER.toNanos() ? one : new Failures(old.count() + 1, now));
        long steps = Math.min(f.count(), MAX_DELAY.dividedBy(STEP));
        return STEP.multipliedBy(steps);
    }

    void succeeded(String address) {
        failures.remove(address);
    }
}
