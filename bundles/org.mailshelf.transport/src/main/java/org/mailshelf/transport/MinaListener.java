package org.mailshelf.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.mailshelf.protocol.ProtocolHandlerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listener that runs one protocol handler per connection. Protocol work may block (the store writes to
 * disk), so it runs on an ordered worker pool: one session's events stay in order, other sessions go on.
 * Rebinding to another address keeps the sessions already open.
 */
public final class MinaListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MinaListener.class);
    private static final String CONNECTION = MinaListener.class.getName() + ".connection";
    private static final String SETTINGS = MinaListener.class.getName() + ".settings";
    private static final String COUNTED_ADDRESS = MinaListener.class.getName() + ".counted";
    private static final String REFUSED = MinaListener.class.getName() + ".refused";
    private static final int MAX_WORKERS = 64;
    private static final long CLOSE_WAIT_MS = 2000;
    /** How long an idle client has to take its goodbye before the connection is cut. */
    private static final long GOODBYE_WAIT_SECONDS = 5;

    private final NioSocketAcceptor acceptor = new NioSocketAcceptor();
    private final OrderedThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private volatile ProtocolHandlerFactory factory;
    private final AtomicInteger connections = new AtomicInteger();
    private final ConnectionsPerAddress perAddress = new ConnectionsPerAddress();
    private volatile ListenerSettings settings;
    private BindRetry bindRetry = BindRetry.NONE;
    private boolean closed;

    public MinaListener(ListenerSettings settings, ProtocolHandlerFactory factory) {
        this.settings = settings;
        this.factory = factory;
        this.workers = new OrderedThreadPoolExecutor(0, MAX_WORKERS);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, settings.name() + "-timer");
            t.setDaemon(true);
            return t;
        });
        acceptor.setReuseAddress(true);
        acceptor.setCloseOnDeactivation(false);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getFilterChain().addLast("workers", new ExecutorFilter(workers));
        acceptor.setHandler(new Handler());
    }

    /**
     * Binds to the configured address and starts accepting. When the address is taken (an old instance still
     * shutting down, another server), the listener says so and keeps trying in the background rather than
     * staying dead until someone restarts it.
     */
    public synchronized void start() {
        applySessionSettings();
        tryBind();
    }

    /** True once the listener accepts connections. */
    public synchronized boolean isBound() {
        return !acceptor.getLocalAddresses().isEmpty();
    }

    private synchronized void tryBind() {
        if (closed || isBound()) {
            return;
        }
        try {
            acceptor.bind(address(settings));
            bindRetry = BindRetry.NONE;
            LOG.info("{} listening on {}", settings.name(), boundAddress());
        } catch (IOException e) {
            bindRetry = bindRetry.next();
            if (bindRetry.attempt() == 1) {
                LOG.error("{} cannot listen on {}: {}; trying again in the background", settings.name(),
                        address(settings), rootCause(e));
            } else if (bindRetry.worthLogging()) {
                LOG.warn("{} still cannot listen on {} ({} attempts): {}", settings.name(), address(settings),
                        bindRetry.attempt(), rootCause(e));
            }
            timer.schedule(this::tryBind, bindRetry.delayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Moves to new settings and a new protocol set-up for new connections; open sessions stay as they are.
     */
    public synchronized void reconfigure(ListenerSettings next, ProtocolHandlerFactory nextFactory)
            throws IOException {
        ListenerSettings previous = settings;
        settings = next;
        factory = nextFactory;
        applySessionSettings();
        if (!isBound()) {
            tryBind(); // still waiting for the old address: try the new one at once
            return;
        }
        if (!address(previous).equals(address(next)) || next.port() == 0) {
            InetSocketAddress old = boundAddress();
            acceptor.unbind(old);
            try {
                acceptor.bind(address(next));
            } catch (IOException e) {
                settings = previous;
                acceptor.bind(old);
                throw e;
            }
            LOG.info("{} moved from {} to {}", next.name(), old, boundAddress());
        }
    }

    public InetSocketAddress boundAddress() {
        return acceptor.getLocalAddress();
    }

    public int connectionCount() {
        return connections.get();
    }

    /**
     * Stops accepting, lets every connection finish the command it is running and say goodbye, then closes
     * them all.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            acceptor.unbind();
        }
        for (IoSession session : acceptor.getManagedSessions().values()) {
            MinaConnection connection = (MinaConnection) session.getAttribute(CONNECTION);
            if (connection != null) {
                connection.shutdown();
            }
            session.closeOnFlush().awaitUninterruptibly(CLOSE_WAIT_MS);
        }
        acceptor.dispose(true);
        workers.shutdown();
        timer.shutdownNow();
        LOG.info("{} stopped", settings.name());
    }

    /** MINA wraps the socket's own reason ("Address already in use") in a message of its own. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private void applySessionSettings() {
        acceptor.getSessionConfig().setIdleTime(IdleStatus.BOTH_IDLE, (int) settings.idleTimeout().toSeconds());
    }

    private static InetSocketAddress address(ListenerSettings s) {
        return s.host() == null || s.host().isBlank() ? new InetSocketAddress(s.port())
                : new InetSocketAddress(s.host(), s.port());
    }

    private final class Handler extends IoHandlerAdapter {
        @Override
        public void sessionCreated(IoSession session) {
            // runs on the I/O thread in accept order, so the count is exact
            ListenerSettings now = settings;
            if (connections.incrementAndGet() > now.maxConnections()) {
                LOG.warn("{}: refusing {}: {} connections is the limit", now.name(),
                        session.getRemoteAddress(), now.maxConnections());
                refuse(session, now, "Too many connections, try again later");
                return;
            }
            if (!perAddress.admit(session.getRemoteAddress(), now.maxPerAddress())) {
                LOG.warn("{}: refusing {}: {} connections from one address is the limit", now.name(),
                        session.getRemoteAddress(), now.maxPerAddress());
                refuse(session, now, "Too many connections from your address, try again later");
                return;
            }
            session.setAttribute(COUNTED_ADDRESS, Boolean.TRUE);
            session.setAttribute(SETTINGS, now);
            if (now.implicitTls()) {
                SSLContext context = now.tls().context().get();
                if (context == null) {
                    LOG.warn("{}: refusing {}: no TLS certificate is available", now.name(),
                            session.getRemoteAddress());
                    session.closeNow();
                    return;
                }
                Tls.install(session, context, now.tls());
            }
        }

        /**
         * Tells the client why in its own protocol, then closes; over implicit TLS no handshake was made for it,
         * so it only sees the connection close.
         */
        private void refuse(IoSession session, ListenerSettings now, String reason) {
            byte[] refusal = now.implicitTls() ? null : factory.refusal(reason);
            if (refusal == null) {
                session.closeNow();
            } else {
                session.setAttribute(REFUSED, refusal);
            }
        }

        @Override
        public void sessionOpened(IoSession session) {
            byte[] refusal = (byte[]) session.getAttribute(REFUSED);
            if (refusal != null) {
                session.write(IoBuffer.wrap(refusal));
                session.closeOnFlush();
                return;
            }
            if (session.isClosing()) {
                return;
            }
            ListenerSettings accepted = (ListenerSettings) session.getAttribute(SETTINGS);
            MinaConnection connection = new MinaConnection(session, timer, accepted.tls(), accepted.implicitTls());
            session.setAttribute(CONNECTION, connection);
            connection.start(factory.create(connection));
        }

        @Override
        public void messageReceived(IoSession session, Object message) {
            MinaConnection connection = (MinaConnection) session.getAttribute(CONNECTION);
            if (connection == null) {
                return;
            }
            if (message instanceof Tls.Decrypted d) {
                connection.received(d.buffer(), true);
            } else {
                connection.received((IoBuffer) message, false);
            }
        }

        @Override
        public void sessionClosed(IoSession session) {
            connections.decrementAndGet();
            if (session.getAttribute(COUNTED_ADDRESS) != null) {
                perAddress.release(session.getRemoteAddress());
            }
            MinaConnection connection = (MinaConnection) session.getAttribute(CONNECTION);
            if (connection != null) {
                connection.closed();
            }
        }

        @Override
        public void sessionIdle(IoSession session, IdleStatus status) {
            LOG.info("{}: closing {}: idle for {} s", settings.name(), session.getRemoteAddress(),
                    settings.idleTimeout().toSeconds());
            MinaConnection connection = (MinaConnection) session.getAttribute(CONNECTION);
            if (connection != null) {
                connection.idleTimeout();
            }
            session.closeOnFlush();
            // a client that reads nothing would keep the goodbye, and the connection, forever
            timer.schedule(() -> session.closeNow(), GOODBYE_WAIT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) {
            if (cause instanceof SSLException) {
                LOG.info("{}: TLS with {} failed: {}", settings.name(), session.getRemoteAddress(), cause.getMessage());
                session.closeOnFlush(); // the TLS alert that says why is already queued: let it reach the client
                return;
            } else if (cause instanceof IOException) {
                LOG.debug("{}: {} dropped: {}", settings.name(), session.getRemoteAddress(), cause.toString());
            } else {
                LOG.error("{}: closing {} after an unexpected error", settings.name(), session.getRemoteAddress(),
                        cause);
            }
            session.closeNow();
        }
    }
}
