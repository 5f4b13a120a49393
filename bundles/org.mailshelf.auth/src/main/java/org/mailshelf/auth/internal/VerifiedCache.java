package org.mailshelf.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers passwords that passed a bcrypt check, like Dovecot's auth_cache, so a client that logs in hundreds
 * of times a second pays for bcrypt once per TTL. Holds no password: only HMAC-SHA256 under a key that lives in
 * this object's memory alone, over the stored hash and the password. Binding the stored hash in means a password
 * change or a re-created account invalidates an entry even if it raced with the change or came from elsewhere.
 * Only successes are remembered.
 */
final class VerifiedCache {

    private record Entry(byte[] mac, long expiresAt) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** @param ttl zero or negative disables the cache */
    VerifiedCache(Duration ttl, LongSupplier nanoClock, SecureRandom random) {
        this.ttlNanos = Math.max(0, ttl.toNanos());
        this.nanoClock = nanoClock;
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        Arrays.fill(keyBytes, (byte) 0);
    }

    boolean isVerified(String user, String storedHash, char[] password) {
        if (ttlNanos == 0) {
            return false;
        }
        Entry entry = entries.get(user);
        if (entry == null) {
            return false;
        }
        if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(user, entry);
            return false;
        }
        byte[] mac = mac(storedHash, password);
        return MessageDigest.isEqual(mac, entry.mac());
    }

    void remember(String user, String storedHash, char[] password) {
        if (ttlNanos > 0) {
            entries.put(user, new Entry(mac(storedHash, password), nanoClock.getAsLong() + ttlNanos));
        }
    }

    void forget(String user) {
        entries.remove(user);
    }

    int size() {
        return entries.size();
    }

    private byte[] mac(String storedHash, char[] password) {
        byte[] bytes = Secrets.utf8(password);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(storedHash.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0); // a bcrypt string never holds NUL: the two parts cannot run into each other
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
