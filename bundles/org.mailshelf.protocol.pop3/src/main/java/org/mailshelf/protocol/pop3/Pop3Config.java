package org.mailshelf.protocol.pop3;

import java.util.Objects;

/**
 * Settings of a POP3 listener.
 *
 * @param hostname         named in the greeting
 * @param maxLineLength    the longest command line accepted, without CRLF (RFC 2449 allows clients 255)
 * @param implementation   the text of the IMPLEMENTATION capability
 * @param plaintextLogin   whether USER/PASS and AUTH are allowed on an unencrypted connection from another host
 *                         (Dovecot's disable_plaintext_auth, inverted); the loopback address is always allowed
 * @param commandsPerSecond the most commands a connection runs per second; more are held back (0: no limit)
 */
public record Pop3Config(String hostname, int maxLineLength, String implementation, boolean plaintextLogin,
        int commandsPerSecond) {

    /** Passwords in the clear refused from other hosts, no limit on commands per second. */
    public Pop3Config(String hostname, int maxLineLength, String implementation) {
        this(hostname, maxLineLength, implementation, false, 0);
    }

    public Pop3Config {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(implementation, "implementation");
        if (maxLineLength < 255) {
            throw new IllegalArgumentException("maxLineLength must be at least 255 (RFC 2449)");
        }
    }

    public static Pop3Config defaults() {
        return new Pop3Config("localhost", 512, "Mailshelf");
    }
}
