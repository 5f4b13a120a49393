package org.mailshelf.protocol;

import java.nio.ByteBuffer;

/** One connection's protocol state machine. The transport calls it from one thread at a time. */
public interface ProtocolHandler {

    /** The connection is open: send the greeting. */
    void start();

    /** Bytes arrived; they may hold part of a command, one, or several (pipelining). */
    void received(ByteBuffer data);

    /** The peer closed the connection or it was dropped: release what the session holds. */
    void closed();

    /**
     * The server is stopping: say goodbye as the protocol does, if it has a way to. Called between commands,
     * never during one, so a delivery under way has finished; the transport closes the connection afterwards.
     */
    void shutdown();

    /**
     * The client was silent for the listener's idle timeout: say why it is disconnected, if the protocol has a
     * way to. The transport closes the connection afterwards.
     */
    default void idleTimeout() {
    }
}
