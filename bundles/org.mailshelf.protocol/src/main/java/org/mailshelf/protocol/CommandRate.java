package org.mailshelf.protocol;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The commands-per-second limit of one connection, as a token bucket: up to a second's worth of commands may
 * come at once, beyond that each waits its turn. A command over the limit is not refused but held back (the
 * session pauses its input, so TCP slows the client down): a client that pipelines a burst still gets every
 * answer, a flooding one gets no more than its share of the server. Not thread-safe: one per session.
 */
public final class CommandRate {
    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    /** @param perSecond commands a second; 0 or less for no limit */
    public CommandRate(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.last = nanoTime.getAsLong();
    }

    public CommandRate(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    public int perSecond() {
        return perSecond;
    }

    /**
     * Takes the turn of one command that has arrived.
     *
     * @return how long to hold it back; zero to run it now
     */
    public Duration admit() {
        if (perSecond <= 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - last) * (double) perSecond / SECOND);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens * SECOND / perSecond));
    }
}
