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
 * @param tls            how the listener speaks TLS; null for not at all
 */
public record ListenerSettings(String name, String host, int port, Duration idleTimeout, int maxConnections,
        TlsSettings tls) {

    /** A listener without TLS. */
    public ListenerSettings(String name, String host, int port, Duration idleTimeout, int maxConnections) {
        this(name, host, port, idleTimeout, maxConnections, null);
    }

    boolean implicitTls() {
        return tls != null && tls.mode() == TlsSettings.Mode.IMPLICIT;
    }

    boolean startTls() {
        return tls != null && tls.mode() == TlsSettings.Mode.STARTTLS;
    }
}
