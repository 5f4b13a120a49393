package org.mailshelf.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class VerifiedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedCache cache = new VerifiedCache(Duration.ofSeconds(300), now::get, new SecureRandom());

    @Test
    public void remembersOnlyTheSamePasswordAndHash() {
        cache.remember("alice", "$2y$hash1", "secret".toCharArray());
        assertTrue(cache.isVerified("alice", "$2y$hash1", "secret".toCharArray()));
        assertFalse(cache.isVerified("alice", "$2y$hash1", "Secret".toCharArray()));
        assertFalse(cache.isVerified("alice", "$2y$hash2", "secret".toCharArray()));
        assertFalse(cache.isVerified("bob", "$2y$hash1", "secret".toCharArray()));
    }

    @Test
    public void expires() {
        cache.remember("alice", "h", "secret".toCharArray());
        now.addAndGet(Duration.ofSeconds(299).toNanos());
        assertTrue(cache.isVerified("alice", "h", "secret".toCharArray()));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertFalse(cache.isVerified("alice", "h", "secret".toCharArray()));
        assertEquals(0, cache.size());
    }

    @Test
    public void forgets() {
        cache.remember("alice", "h", "secret".toCharArray());
        cache.forget("alice");
        assertFalse(cache.isVerified("alice", "h", "secret".toCharArray()));
    }

    @Test
    public void zeroTtlDisables() {
        VerifiedCache off = new VerifiedCache(Duration.ZERO, now::get, new SecureRandom());
        off.remember("alice", "h", "secret".toCharArray());
        assertFalse(off.isVerified("alice", "h", "secret".toCharArray()));
        assertEquals(0, off.size());
    }
}
