package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    @Test
    public void growsByASecondPerFailureUpToFive() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(Duration.ofSeconds(i), throttle.failed("10.0.0.1"));
        }
        assertEquals(Duration.ofSeconds(5), throttle.failed("10.0.0.1"));
        assertEquals(Duration.ofSeconds(5), throttle.failed("10.0.0.1"));
    }

    @Test
    public void countsEachAddressOnItsOwn() {
        throttle.failed("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertEquals(Duration.ofSeconds(1), throttle.failed("10.0.0.2"));
        assertEquals(Duration.ofSeconds(3), throttle.failed("10.0.0.1"));
    }

    @Test
    public void successForgetsTheFailures() {
        throttle.failed("::1");
        throttle.failed("::1");
        throttle.succeeded("::1");
        assertEquals(Duration.ofSeconds(1), throttle.failed("::1"));
    }

    @Test
    public void aQuietPeriodForgetsTheFailures() {
        throttle.failed("::1");
        throttle.failed("::1");
        now.addAndGet(LoginThrottle.FORGET_AFTER.toNanos() + 1);
        assertEquals(Duration.ofSeconds(1), throttle.failed("::1"));
    }

    @Test
    public void staysBoundedUnderManyAddresses() {
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES * 2; i++) {
            throttle.failed("addr" + i);
        }
        assertEquals(Duration.ofSeconds(1), throttle.failed("fresh"));
    }
}
