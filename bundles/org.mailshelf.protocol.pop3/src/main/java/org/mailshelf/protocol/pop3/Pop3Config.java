package org.mailshelf.protocol.pop3;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a POP3 listener.
 *
 * @param hostname         named in the greeting
 * @param failedLoginDelay how long the answer to a failed login is held back (slows password guessing)
 * @param maxLineLength    the longest command line accepted, without CRLF (RFC 2449 allows clients 255)
 * @param implementation   the text of the IMPLEMENTATION capability
 * @param plaintextLogin   whether USER/PASS and AUTH are allowed on an unencrypted connection from another host
 *                         (Dovecot's disable_plaintext_auth, inverted); the loopback address is always allowed
 */
public record Pop3Config(String hostname, Duration failedLoginDelay, int maxLineLength, String implementation,
        boolean plaintextLogin) {

    /** Passwords in the clear refused from other hosts. */
    public Pop3Config(String hostname, Duration failedLoginDelay, int maxLineLength, String implementation) {
        this(hostname, failedLoginDelay, maxLineLength, implementation, false);
    }

    public Pop3Config {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(failedLoginDelay, "failedLoginDelay");
        Objects.requireNonNull(implementation, "implementation");
        if (failedLoginDelay.isNegative()) {
            throw new IllegalArgumentException("failedLoginDelay must not be negative");
        }
        if (maxLineLength < 255) {
            throw new IllegalArgumentException("maxLineLength must be at least 255 (RFC 2449)");
        }
    }

    public static Pop3Config defaults() {
        return new Pop3Config("localhost", Duration.ofSeconds(2), 512, "Mailshelf");
    }
}
