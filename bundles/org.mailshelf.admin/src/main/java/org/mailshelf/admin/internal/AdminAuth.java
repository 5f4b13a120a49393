package org.mailshelf.admin.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks HTTP Basic credentials of the single {@code admin} user against a password hash in the format of
 * {@code felix.webconsole.password}: {@code {sha-256}} + base64(SHA-256(UTF-8 password)); the console's salted
 * form {@code {sha-256}salt-[iterations-]base64} is accepted too, so one value can serve both.
 */
final class AdminAuth {

    static final String USER = "admin";
    static final String FRAMEWORK_PROPERTY = "mailshelf.admin.hash";
    /** Bounds the work one request can cause; the console's own default is 1,000. */
    static final int MAX_ITERATIONS = 100_000;

    enum Verdict {
        /** The right admin credentials. */
        GRANTED,
        /** No Basic credentials at all: a plain challenge, not a failed attempt. */
        MISSING,
        /** Credentials given but wrong or malformed. */
        DENIED,
        /** No usable hash is configured: nobody gets in. */
        DISABLED
    }

    private final String algorithm;
    private final String salt;
    private final int iterations;
    private final byte[] expected;

    private AdminAuth(String algorithm, String salt, int iterations, byte[] expected) {
        this.algorithm = algorithm;
        this.salt = salt;
        this.iterations = iterations;
        this.expected = expected;
    }

    /** @param hash the configured value, may be null; an unusable one disables the API rather than failing */
    static AdminAuth fromHash(String hash) {
        if (hash == null || !hash.toLowerCase(Locale.ROOT).startsWith("{sha-256}")) {
            return new AdminAuth(null, null, 0, null);
        }
        String rest = hash.substring("{sha-256}".length()).trim();
        String salt = "";
        int iterations = 1;
        String[] parts = rest.split("-", -1); // base64 has no '-', so the parts are unambiguous
        try {
            if (parts.length > 3) {
                throw new IllegalArgumentException();
            }
            if (parts.length > 1) {
                salt = parts[0];
            }
            if (parts.length == 3) {
                iterations = Integer.parseInt(parts[1]); // NumberFormatException is an IllegalArgumentException
            }
            byte[] expected = Base64.getDecoder().decode(parts[parts.length - 1]);
            if (expected.length != 32 || iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException();
            }
            return new AdminAuth("SHA-256", salt, iterations, expected);
        } catch (IllegalArgumentException malformed) {
            return new AdminAuth(null, null, 0, null);
        }
    }

    boolean isEnabled() {
        return expected != null;
    }

    Verdict check(String authorizationHeader) {
        if (!isEnabled()) {
            return Verdict.DISABLED;
        }
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Verdict.MISSING;
        }
        String header = authorizationHeader.trim();
        if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Verdict.DENIED;
        }
        char[] decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(header.substring(6).trim());
            decoded = utf8(raw);
            Arrays.fill(raw, (byte) 0);
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            return Verdict.DENIED;
        }
        try {
            int colon = indexOf(decoded, ':');
            if (colon < 0) {
                return Verdict.DENIED;
            }
            return check(new String(decoded, 0, colon), Arrays.copyOfRange(decoded, colon + 1, decoded.length));
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    /** Checks a user name and password, as a login form gives them; wipes the password. */
    Verdict check(String user, char[] password) {
        if (!isEnabled()) {
            Arrays.fill(password, '\0');
            return Verdict.DISABLED;
        }
        boolean userOk = MessageDigest.isEqual(String.valueOf(user).getBytes(StandardCharsets.UTF_8),
                USER.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(digest(password), expected);
        return userOk & passwordOk ? Verdict.GRANTED : Verdict.DENIED; // no short cut: same work either way
    }

    private byte[] digest(char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            byte[] bytes = utf8Bytes(concat(salt.toCharArray(), password));
            for (int i = 0; i < iterations; i++) {
                md.reset();
                bytes = md.digest(bytes);
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static char[] concat(char[] a, char[] b) {
        char[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Arrays.fill(b, '\0');
        return both;
    }

    private static char[] utf8(byte[] raw) throws CharacterCodingException {
        CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw));
        char[] result = new char[chars.remaining()];
        chars.get(result);
        return result;
    }

    /** Encodes and wipes the input, so the password lives in as few arrays as possible. */
    private static byte[] utf8Bytes(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(chars, '\0');
        return bytes;
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
