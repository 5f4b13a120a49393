package org.mailshelf.tls.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A TLS server on loopback answering each line with "echo: " and the line; failures are kept for the test. */
final class EchoServer implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 5000;

    private final ServerSocket server;
    private final Supplier<SSLContext> contexts;
    private final String[] protocols;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    private EchoServer(ServerSocket server, Supplier<SSLContext> contexts, String[] protocols) {
        this.server = server;
        this.contexts = contexts;
        this.protocols = protocols;
        threads.execute(this::acceptLoop);
    }

    /** An SSLServerSocket from one context. */
    static EchoServer serverSocket(SSLContext context, String... protocols) throws IOException {
        ServerSocket server =
                context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        ((SSLServerSocket) server).setEnabledProtocols(protocols);
        return new EchoServer(server, null, protocols);
    }

    /** A plain server socket asking for the current context at each connection, as the listeners do. */
    static EchoServer perConnection(Supplier<SSLContext> contexts, String... protocols) throws IOException {
        return new EchoServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), contexts, protocols);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket accepted = server.accept();
                connections.add(accepted);
                accepted.setSoTimeout(TIMEOUT_MILLIS);
                threads.execute(() -> serve(accepted));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket accepted) {
        try (SSLSocket socket = contexts == null ? (SSLSocket) accepted : layer(accepted)) {
            socket.startHandshake();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(("echo: " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (SocketException e) {
            // the test closed the server
        } catch (IOException | RuntimeException e) {
            failures.add(e);
        }
    }

    private SSLSocket layer(Socket accepted) throws IOException {
        SSLSocket socket = (SSLSocket) contexts.get().getSocketFactory().createSocket(accepted, null, true);
        socket.setEnabledProtocols(protocols);
        return socket;
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
        threads.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
