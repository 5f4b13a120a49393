package org.mailshelf.auth.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt ({@code $2y$}, Bouncy Castle) with a random 16-byte salt per hash.
 * <p>
 * bcrypt reads at most 72 bytes of password and silently ignores the rest. A password whose UTF-8 form is longer
 * is therefore first reduced to base64(SHA-256(bytes)) (44 ASCII bytes, no NUL), so every byte of it counts.
 * Hashing and checking apply the same rule, so stored hashes stay plain bcrypt strings any tool can read for
 * passwords up to 72 bytes.
 */
final class BcryptHasher {

    static final int MIN_COST = 4;
    static final int MAX_COST = 31;
    private static final int BCRYPT_MAX_BYTES = 72;
    private static final String VERSION = "2y";

    private final int cost;
    private final SecureRandom random;

    BcryptHasher(int cost, SecureRandom random) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + " to " + MAX_COST + ": " + cost);
        }
        this.cost = cost;
        this.random = random;
    }

    int cost() {
        return cost;
    }

    String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] input = bcryptInput(password);
        try {
            return OpenBSDBCrypt.generate(VERSION, input, salt, cost);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** @throws IllegalArgumentException if the stored string is not a bcrypt hash */
    boolean matches(String storedHash, char[] password) {
        byte[] input = bcryptInput(password);
        try {
            return OpenBSDBCrypt.checkPassword(storedHash, input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private static byte[] bcryptInput(char[] password) {
        byte[] bytes = Secrets.utf8(password);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return bytes;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            byte[] encoded = Base64.getEncoder().encode(digest);
            Arrays.fill(digest, (byte) 0);
            return encoded;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
