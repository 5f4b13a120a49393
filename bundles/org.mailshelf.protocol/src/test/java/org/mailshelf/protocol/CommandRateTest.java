package org.mailshelf.protocol;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.junit.Test;

public class CommandRateTest {
    private long now = 5_000_000_000L;
    private final CommandRate rate = new CommandRate(4, () -> now);

    @Test
    public void letsASecondsWorthThroughAtOnceThenSpacesTheRest() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, rate.admit());
        }
        assertEquals(Duration.ofMillis(250), rate.admit());
        assertEquals(Duration.ofMillis(500), rate.admit());
    }

    @Test
    public void refillsWithTimeButNeverBeyondOneSecondsWorth() {
        for (int i = 0; i < 4; i++) {
            rate.admit();
        }
        now += 500_000_000L; // two turns back
        assertEquals(Duration.ZERO, rate.admit());
        assertEquals(Duration.ZERO, rate.admit());
        assertEquals(Duration.ofMillis(250), rate.admit());

        now += 60_000_000_000L; // a quiet minute
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, rate.admit());
        }
        assertEquals(Duration.ofMillis(250), rate.admit());
    }

    @Test
    public void zeroMeansNoLimit() {
        CommandRate unlimited = new CommandRate(0, () -> now);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Duration.ZERO, unlimited.admit());
        }
    }
}
