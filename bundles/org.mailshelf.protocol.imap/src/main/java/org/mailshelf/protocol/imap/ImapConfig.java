package org.mailshelf.protocol.imap;

import java.time.Duration;
import java.util.Objects;

import org.mailshelf.protocol.imap.codec.ReceiverLimits;

/**
 * Settings of an IMAP listener.
 *
 * @param hostname         named in the greeting
 * @param failedLoginDelay how long the answer to a failed LOGIN or AUTHENTICATE is held back
 * @param limits           what the command receiver accepts (line length, literal and command sizes)
 * @param appendLimit      the largest message APPEND takes, in bytes (advertised as APPENDLIMIT, RFC 7889)
 * @param plaintextLogin   whether LOGIN and AUTHENTICATE are allowed on an unencrypted connection from another
 *                         host; if not, the server advertises LOGINDISABLED there (Dovecot's
 *                         disable_plaintext_auth). Connections from the loopback address are always allowed
 */
public record ImapConfig(String hostname, Duration failedLoginDelay, ReceiverLimits limits, long appendLimit,
        boolean plaintextLogin) {

    /** Passwords in the clear refused from other hosts. */
    public ImapConfig(String hostname, Duration failedLoginDelay, ReceiverLimits limits, long appendLimit) {
        this(hostname, failedLoginDelay, limits, appendLimit, false);
    }

    public ImapConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(failedLoginDelay, "failedLoginDelay");
        Objects.requireNonNull(limits, "limits");
        if (failedLoginDelay.isNegative()) {
            throw new IllegalArgumentException("failedLoginDelay must not be negative");
        }
        if (appendLimit < 1) {
            throw new IllegalArgumentException("appendLimit must be positive");
        }
    }

    /** localhost, 2 s delay, the receiver's default limits, 50 MiB messages. */
    public static ImapConfig defaults() {
        return new ImapConfig("localhost", Duration.ofSeconds(2), ReceiverLimits.defaults(), 50L << 20);
    }
}
