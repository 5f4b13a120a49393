package org.mailshelf.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a protocol handler sees of its network connection. The transport implements it; tests implement it
 * over plain byte streams. All calls into one handler are serialised by the transport.
 */
public interface Connection {

    /** Sends one complete response; the transport flushes it as a single write. */
    void write(byte[] response);

    /** Closes the connection once everything written so far has been sent. */
    void close();

    InetSocketAddress remoteAddress();

    /** Whether the connection is encrypted (implicit TLS, or after STARTTLS). */
    boolean isSecure();

    /**
     * Whether a password may be sent over this connection without the listener's leave: it is encrypted, or it
     * comes from this host (where nobody between could read it).
     */
    default boolean isPrivate() {
        InetAddress client = clientAddress();
        return isSecure() || client == null || client.isLoopbackAddress();
    }

    /** The client's IP address; null when the transport does not know it. */
    default InetAddress clientAddress() {
        InetSocketAddress remote = remoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    /** Whether {@link #startTls} may be called: the listener has a certificate and TLS is not on yet. */
    default boolean canStartTls() {
        return false;
    }

    /**
     * Sends {@code response} in the clear, then expects the client's TLS handshake: from here on every byte
     * read or written goes through TLS. Bytes the client sent in the clear after its STARTTLS command are
     * never delivered (RFC 2595 section 3.1; the STARTTLS command injection of CVE-2011-0411): the transport
     * drops what it had not delivered yet, and the handler drops the rest of what it holds.
     *
     * @throws IllegalStateException if {@link #canStartTls} is false
     */
    default void startTls(byte[] response) {
        throw new IllegalStateException("TLS is not available on this connection");
    }

    /**
     * Stops delivering input for a while, then runs {@code resume} (used to delay the answer to a failed
     * login without holding a thread). Input that arrives meanwhile waits in the transport.
     */
    void pause(Duration delay, Runnable resume);
}
