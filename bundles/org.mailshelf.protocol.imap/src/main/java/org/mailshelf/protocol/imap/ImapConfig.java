package org.mailshelf.protocol.imap;

import java.util.Objects;

import org.mailshelf.protocol.imap.codec.ReceiverLimits;

/**
 * Settings of an IMAP listener.
 *
 * @param hostname         named in the greeting
 * @param limits           what the command receiver accepts (line length, literal and command sizes)
 * @param appendLimit      the largest message APPEND takes, in bytes (advertised as APPENDLIMIT, RFC 7889)
 * @param plaintextLogin   whether LOGIN and AUTHENTICATE are allowed on an unencrypted connection from another
 *                         host; if not, the server advertises LOGINDISABLED there (Dovecot's
 *                         disable_plaintext_auth). Connections from the loopback address are always allowed
 * @param commandsPerSecond the most commands a connection runs per second; more are held back (0: no limit)
 */
public record ImapConfig(String hostname, ReceiverLimits limits, long appendLimit, boolean plaintextLogin,
        int commandsPerSecond) {

    /** Passwords in the clear refused from other hosts, no limit on commands per second. */
    public ImapConfig(String hostname, ReceiverLimits limits, long appendLimit) {
        this(hostname, limits, appendLimit, false, 0);
    }

    public ImapConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(limits, "limits");
        if (appendLimit < 1) {
            throw new IllegalArgumentException("appendLimit must be positive");
        }
    }

    /** localhost, the receiver's default limits, 50 MiB messages. */
    public static ImapConfig defaults() {
        return new ImapConfig("localhost", ReceiverLimits.defaults(), 50L << 20);
    }
}
