package org.mailshelf.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.ProtocolHandler;

/**
 * Adapts one MINA session to {@link Connection} and feeds its handler. Every call into the handler holds this
 * object's lock, so the handler sees one thread at a time even when a pause ends on the timer thread.
 */
final class MinaConnection implements Connection {
    private final IoSession session;
    private final ScheduledExecutorService timer;
    private final TlsSettings tls;
    private final Queue<ByteBuffer> heldWhilePaused = new ArrayDeque<>();
    private ProtocolHandler handler;
    private boolean paused;
    /** Once true, only input that came through TLS is delivered. */
    private volatile boolean secure;

    /**
     * @param tls    the listener's TLS settings when the connection was accepted; null for none
     * @param secure whether TLS is already in the session's chain (implicit TLS)
     */
    MinaConnection(IoSession session, ScheduledExecutorService timer, TlsSettings tls, boolean secure) {
        this.session = session;
        this.timer = timer;
        this.tls = tls;
        this.secure = secure;
    }

    synchronized void start(ProtocolHandler protocolHandler) {
        this.handler = protocolHandler;
        handler.start();
    }

    /** Input from the session: decrypted by TLS, or as read from the socket. */
    synchronized void received(IoBuffer buffer, boolean decrypted) {
        if (secure && !decrypted) {
            return; // clear text read before TLS took over: never a command
        }
        ByteBuffer data = buffer.buf();
        if (paused) {
            // MINA may have queued bytes before the read suspension took effect: keep them for later
            ByteBuffer copy = ByteBuffer.allocate(data.remaining());
            copy.put(data).flip();
            heldWhilePaused.add(copy);
            return;
        }
        handler.received(data);
    }

    /** Lets the handler say goodbye; holding the lock means a command under way finishes first. */
    synchronized void shutdown() {
        if (handler != null) {
            handler.shutdown();
        }
    }

    synchronized void idleTimeout() {
        if (handler != null) {
            handler.idleTimeout();
        }
    }

    synchronized void closed() {
        if (handler != null) {
            handler.closed();
        }
    }

    @Override
    public void write(byte[] response) {
        session.write(IoBuffer.wrap(response));
    }

    @Override
    public void close() {
        session.closeOnFlush();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean canStartTls() {
        return !secure && tls != null && tls.mode() == TlsSettings.Mode.STARTTLS && tls.context().get() != null;
    }

    @Override
    public synchronized void startTls(byte[] response) {
        SSLContext context = secure || tls == null ? null : tls.context().get();
        if (context == null) {
            throw new IllegalStateException("TLS is not available on this connection");
        }
        Tls.install(session, context, tls);
        secure = true;
        heldWhilePaused.clear();
        session.write(new Tls.ClearText(IoBuffer.wrap(response)));
    }

    @Override
    public synchronized void pause(Duration delay, Runnable resume) {
        paused = true;
        session.suspendRead();
        timer.schedule(() -> endPause(resume), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void endPause(Runnable resume) {
        paused = false;
        if (session.isClosing()) {
            return;
        }
        resume.run();
        while (!paused && !heldWhilePaused.isEmpty()) {
            handler.received(heldWhilePaused.poll());
        }
        if (!paused) {
            session.resumeRead();
        }
    }
}
