package org.mailshelf.auth.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.security.SecureRandom;

import org.junit.Test;

public class BcryptHasherTest {

    private final BcryptHasher hasher = new BcryptHasher(4, new SecureRandom());

    @Test
    public void hashIsSaltedBcrypt() {
        String a = hasher.hash("secret".toCharArray());
        String b = hasher.hash("secret".toCharArray());
        assertTrue(a, a.startsWith("$2y$04$"));
        assertFalse(a.contains("secret"));
        assertNotEquals(a, b);
        assertTrue(hasher.matches(a, "secret".toCharArray()));
        assertTrue(hasher.matches(b, "secret".toCharArray()));
        assertFalse(hasher.matches(a, "Secret".toCharArray()));
    }

    @Test
    public void defaultCostIsInTheHash() {
        assertTrue(new BcryptHasher(10, new SecureRandom()).hash("pw".toCharArray()).startsWith("$2y$10$"));
    }

    @Test
    public void longPasswordsDifferingOnlyAtTheEndAreDistinguished() {
        String common = "x".repeat(99);
        String hash = hasher.hash((common + "a").toCharArray());
        assertTrue(hasher.matches(hash, (common + "a").toCharArray()));
        assertFalse(hasher.matches(hash, (common + "b").toCharArray()));
        assertFalse(hasher.matches(hash, common.toCharArray()));
    }

    @Test
    public void theSeventyTwoByteBoundaryCountsUtf8Bytes() {
        // 36 x "é" is 72 UTF-8 bytes (plain bcrypt), 37 x is 74 (pre-hashed): both must tell the tail apart
        String at72 = "é".repeat(35) + "a";
        String over = "é".repeat(36) + "a";
        assertFalse(hasher.matches(hasher.hash(at72.toCharArray()), ("é".repeat(35) + "b").toCharArray()));
        String overHash = hasher.hash(over.toCharArray());
        assertTrue(hasher.matches(overHash, over.toCharArray()));
        assertFalse(hasher.matches(overHash, ("é".repeat(36) + "b").toCharArray()));
    }

    @Test(expected = IllegalArgumentException.class)
    public void malformedStoredHashIsAnError() {
        hasher.matches("{PLAIN}secret", "secret".toCharArray());
    }

    @Test(expected = IllegalArgumentException.class)
    public void costOutOfRange() {
        new BcryptHasher(3, new SecureRandom());
    }
}
