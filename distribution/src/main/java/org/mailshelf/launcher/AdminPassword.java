package org.mailshelf.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin password of the console and the REST API. Decided on first boot only: MAILSHELF_ADMIN_PASSWORD if
 * set, else a random one written to {@code data/admin-password} (mode 0600) and printed once. Only its hash is
 * kept in {@code data/admin.hash}, salted and iterated ({@link #hash}); a hash kept by an earlier release (plain
 * {@code {sha-256}}) is still accepted.
 */
final class AdminPassword {
    static final String PASSWORD_FILE = "admin-password";
    static final String HASH_FILE = "admin.hash";
    /** Letters and digits only: '-' separates the parts of the stored hash. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int ITERATIONS = 10_000;

    private final String consoleHash;
    private final String newRandomPassword;

    private AdminPassword(String consoleHash, String newRandomPassword) {
        this.consoleHash = consoleHash;
        this.newRandomPassword = newRandomPassword;
    }

    static AdminPassword ensure(Path data, String fromEnvironment) throws IOException {
        Path hashFile = data.resolve(HASH_FILE);
        if (Files.exists(hashFile)) {
            return new AdminPassword(Files.readString(hashFile).trim(), null);
        }
        String password = fromEnvironment;
        String generated = null;
        if (password == null || password.isEmpty()) {
            password = generated = random(20);
            writePrivate(data.resolve(PASSWORD_FILE), password + "\n");
        }
        String hash = hash(password);
        writePrivate(hashFile, hash + "\n");
        return new AdminPassword(hash, generated);
    }

    String consoleHash() {
        return consoleHash;
    }

    /** Prints a generated password the one time it is made, so the admin can log in. */
    void announceIfNew(PrintStream out) {
        if (newRandomPassword != null) {
            out.println("Generated the admin password (user 'admin'); it is also in data/" + PASSWORD_FILE
                    + ": " + newRandomPassword);
        }
    }

    /**
     * {@code {sha-256}salt-iterations-base64}: SHA-256 applied {@value #ITERATIONS} times to salt + password, the
     * Web Console's salted form, which the admin bundle checks. Salted so that equal passwords differ and no
     * precomputed table helps; iterated so that each guess at a stolen hash costs thousands of digests, while a
     * login (every admin request checks it) still costs only milliseconds.
     */
    static String hash(String password) {
        return hash(password, random(16), ITERATIONS);
    }

    static String hash(String password, String salt, int iterations) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                digest = sha256.digest(digest);
            }
            return "{sha-256}" + salt + "-" + iterations + "-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
