package org.mailshelf.transport;

import java.time.Duration;

/**
 * Where and how a listener accepts connections.
 *
 * @param name           for logs, e.g. "pop3"
 * @param host           the address to bind; "0.0.0.0" or "" for all interfaces
 * @param port           the TCP port; 0 picks a free one
 * @param idleTimeout    a connection silent this long is closed
 * @param maxConnections connections beyond this many are refused at once
 * @param maxPerAddress  connections from one address beyond this many are refused at once (this host's own
 *                       addresses are not limited: an MTA or a webmail there opens many)
 * @param tls            how the listener speaks TLS; null for not at all
 */
public record ListenerSettings(String name, String host, int port, Duration idleTimeout, int maxConnections,
        int maxPerAddress, TlsSettings tls) {

    /** A listener without TLS and without a limit per address. */
    public ListenerSettings(String name, String host, int port, Duration idleTimeout, int maxConnections) {
        this(name, host, port, idleTimeout, maxConnections, Integer.MAX_VALUE, null);
    }

    /** A listener of {@code protocol} ("imap"), named with an "s" ("imaps") when it speaks TLS from the start. */
    public static ListenerSettings forProtocol(String protocol, String host, int port, Duration idleTimeout,
            int maxConnections, int maxPerAddress, TlsSettings tls) {
        boolean implicit = tls != null && tls.mode() == TlsSettings.Mode.IMPLICIT;
        return new ListenerSettings(implicit ? protocol + "s" : protocol, host, port, idleTimeout, maxConnections,
                maxPerAddress, tls);
    }

    boolean implicitTls() {
        return tls != null && tls.mode() == TlsSettings.Mode.IMPLICIT;
    }

    boolean startTls() {
        return tls != null && tls.mode() == TlsSettings.Mode.STARTTLS;
    }
}
