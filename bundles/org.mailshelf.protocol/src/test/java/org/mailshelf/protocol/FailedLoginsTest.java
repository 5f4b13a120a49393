package org.mailshelf.protocol;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.Test;

public class FailedLoginsTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final FailedLogins logins = new FailedLogins(Duration.ofSeconds(2), Duration.ofSeconds(15),
            Duration.ofMinutes(15), 5, clock);

    private static InetAddress ip(String address) throws Exception {
        return InetAddress.getByName(address);
    }

    @Test
    public void theDelayDoublesUpToTheMaximum() throws Exception {
        InetAddress attacker = ip("192.0.2.1");
        assertEquals(Duration.ofSeconds(2), logins.failed(attacker, "ann"));
        assertEquals(Duration.ofSeconds(4), logins.failed(attacker, "bob"));
        assertEquals(Duration.ofSeconds(8), logins.failed(attacker, "cid"));
        assertEquals(Duration.ofSeconds(15), logins.failed(attacker, "dan"));
    }

    @Test
    public void anAccountGuessedFromManyAddressesSlowsDownToo() throws Exception {
        assertEquals(Duration.ofSeconds(2), logins.failed(ip("192.0.2.1"), "Ann"));
        assertEquals(Duration.ofSeconds(4), logins.failed(ip("192.0.2.2"), "ann"));
        assertEquals(Duration.ofSeconds(8), logins.failed(ip("192.0.2.3"), "ANN "));
        assertEquals(Duration.ofSeconds(2), logins.failed(ip("192.0.2.4"), "bob"));
    }

    @Test
    public void successAndTimeForget() throws Exception {
        InetAddress user = ip("192.0.2.9");
        logins.failed(user, "ann");
        logins.failed(user, "ann");
        logins.succeeded(user, "ann");
        assertEquals(Duration.ofSeconds(2), logins.failed(user, "ann"));
        now = now.plus(Duration.ofMinutes(16));
        assertEquals(Duration.ofSeconds(2), logins.failed(user, "ann"));
    }

    @Test
    public void tooManyFailuresLockAnAddressOutButNeverThisHost() throws Exception {
        InetAddress attacker = ip("192.0.2.1");
        InetAddress local = ip("127.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertFalse(logins.lockedOut(attacker));
            logins.failed(attacker, "user" + i);
            logins.failed(local, "user" + i);
        }
        assertTrue(logins.lockedOut(attacker));
        assertFalse(logins.lockedOut(local));
        assertFalse(logins.lockedOut(ip("192.0.2.2")));
        now = now.plus(Duration.ofMinutes(16));
        assertFalse(logins.lockedOut(attacker));
    }
}
