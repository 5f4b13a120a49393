package org.mailshelf.protocol;

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

    boolean isSecure();

    /**
     * Stops delivering input for a while, then runs {@code resume} (used to delay the answer to a failed
     * login without holding a thread). Input that arrives meanwhile waits in the transport.
     */
    void pause(Duration delay, Runnable resume);
}
