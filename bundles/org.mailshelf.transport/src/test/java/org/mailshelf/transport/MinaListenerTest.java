package org.mailshelf.transport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.LineReader;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.ProtocolHandlerFactory;

/** The MINA adapter over real loopback sockets, with a tiny line-echo protocol. */
public class MinaListenerTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final CountDownLatch closed = new CountDownLatch(1);
    private MinaListener listener;

    /** Echoes each line; "wait" pauses the connection for 300 ms before answering "resumed". */
    private final class Echo implements ProtocolHandler {
        private final Connection connection;
        private final LineReader lines = new LineReader(100);

        Echo(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void start() {
            connection.write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void received(ByteBuffer data) {
            lines.feed(data);
            process();
        }

        private void process() {
            byte[] line;
            while ((line = lines.next()) != null) {
                String text = new String(line, StandardCharsets.US_ASCII);
                if (text.equals("starttls")) {
                    lines.discardBuffered();
                    connection.startTls("go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (text.equals("secure?")) {
                    connection.write((connection.isSecure() + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                if (text.equals("wait")) {
                    connection.pause(Duration.ofMillis(300), () -> {
                        connection.write("resumed\r\n".getBytes(StandardCharsets.US_ASCII));
                        process();
                    });
                    return;
                }
                connection.write(("echo " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }

        @Override
        public void closed() {
            closed.countDown();
        }

        @Override
        public void idleTimeout() {
            connection.write("you were idle\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void shutdown() {
            connection.write("bye\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private MinaListener start(int maxConnections) throws IOException {
        listener = new MinaListener(new ListenerSettings("echo", "127.0.0.1", 0, Duration.ofMinutes(1),
                maxConnections), Echo::new);
        listener.start();
        return listener;
    }

    private MinaListener startWithTls(TlsSettings.Mode mode, TestCertificate certificate) throws IOException {
        listener = new MinaListener(new ListenerSettings("echo", "127.0.0.1", 0, Duration.ofMinutes(1), 10, 10,
                new TlsSettings(mode, () -> certificate.server, List.of("TLSv1.3", "TLSv1.2"), null)), Echo::new);
        listener.start();
        return listener;
    }

    @After
    public void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        return s;
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    public void anIdleClientIsToldWhyAndDisconnected() throws Exception {
        listener = new MinaListener(new ListenerSettings("echo", "127.0.0.1", 0, Duration.ofSeconds(1), 10), Echo::new);
        listener.start();
        try (Socket s = connect(listener.boundAddress().getPort())) {
            BufferedReader in = reader(s);
            assertEquals("hello", in.readLine());
            assertEquals("you were idle", in.readLine());
            assertNull(in.readLine());
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    public void pausedConnectionHoldsPipelinedInputUntilResumed() throws Exception {
        start(10);
        try (Socket s = connect(listener.boundAddress().getPort())) {
            BufferedReader in = reader(s);
            OutputStream out = s.getOutputStream();
            assertEquals("hello", in.readLine());
            out.write("wait\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(50); // the second line arrives in a later packet, while the pause runs
            long t0 = System.nanoTime();
            out.write("a\r\nb\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("resumed", in.readLine());
            assertTrue(System.nanoTime() - t0 > TimeUnit.MILLISECONDS.toNanos(150));
            assertEquals("echo a", in.readLine());
            assertEquals("echo b", in.readLine());
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    public void rebindingKeepsOpenSessions() throws Exception {
        start(10);
        int oldPort = listener.boundAddress().getPort();
        try (Socket s = connect(oldPort)) {
            BufferedReader in = reader(s);
            assertEquals("hello", in.readLine());
            listener.reconfigure(new ListenerSettings("echo", "127.0.0.1", 0, Duration.ofMinutes(1), 10), Echo::new);
            int newPort = listener.boundAddress().getPort();
            assertNotEquals(oldPort, newPort);
            s.getOutputStream().write("still here\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("echo still here", in.readLine());
            try (Socket s2 = connect(newPort)) {
                assertEquals("hello", reader(s2).readLine());
            }
        }
    }

    @Test
    public void closingSaysGoodbyeToOpenConnections() throws Exception {
        start(10);
        try (Socket s = connect(listener.boundAddress().getPort())) {
            BufferedReader in = reader(s);
            assertEquals("hello", in.readLine());
            listener.close();
            listener = null;
            assertEquals("bye", in.readLine());
            assertEquals(null, in.readLine());
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS));
    }

    @Test
    public void connectionsOverTheLimitAreClosed() throws Exception {
        start(1);
        try (Socket first = connect(listener.boundAddress().getPort())) {
            assertEquals("hello", reader(first).readLine());
            try (Socket second = connect(listener.boundAddress().getPort())) {
                assertEquals(null, reader(second).readLine());
            }
        }
    }

    @Test
    public void aRefusedClientIsToldWhyInItsProtocol() throws Exception {
        ProtocolHandlerFactory withRefusal = new ProtocolHandlerFactory() {
            @Override
            public ProtocolHandler create(Connection connection) {
                return new Echo(connection);
            }

            @Override
            public byte[] refusal(String reason) {
                return ("busy: " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
            }
        };
        listener = new MinaListener(new ListenerSettings("echo", "127.0.0.1", 0, Duration.ofMinutes(1), 1),
                withRefusal);
        listener.start();
        try (Socket first = connect(listener.boundAddress().getPort())) {
            assertEquals("hello", reader(first).readLine());
            try (Socket second = connect(listener.boundAddress().getPort())) {
                BufferedReader in = reader(second);
                assertEquals("busy: Too many connections, try again later", in.readLine());
                assertEquals(null, in.readLine());
            }
        }
    }

    @Test
    public void aTakenPortIsBoundOnceItIsReleased() throws Exception {
        int port;
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            port = squatter.getLocalPort();
            listener = new MinaListener(new ListenerSettings("echo", "127.0.0.1", port, Duration.ofMinutes(1), 10),
                    Echo::new);
            listener.start();
            assertFalse(listener.isBound());
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listener.isBound() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(listener.isBound());
        try (Socket s = connect(port)) {
            assertEquals("hello", reader(s).readLine());
        }
    }

    @Test
    public void implicitTlsFromTheFirstByte() throws Exception {
        TestCertificate certificate = new TestCertificate(tmp.getRoot().toPath());
        startWithTls(TlsSettings.Mode.IMPLICIT, certificate);
        try (SSLSocket s = (SSLSocket) certificate.client.getSocketFactory().createSocket("127.0.0.1",
                listener.boundAddress().getPort())) {
            s.setSoTimeout(5000);
            verifyHostname(s);
            BufferedReader in = reader(s);
            assertEquals("hello", in.readLine());
            s.getOutputStream().write("secure?\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("true", in.readLine());
            assertTrue(s.getSession().getProtocol(), s.getSession().getProtocol().matches("TLSv1\\.[23]"));
        }
    }

    @Test
    public void onlyForwardSecretAeadSuitesAreOfferedForTls12() throws Exception {
        TestCertificate certificate = new TestCertificate(tmp.getRoot().toPath());
        startWithTls(TlsSettings.Mode.IMPLICIT, certificate);
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                tls12Handshake(certificate, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        for (String old : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"}) {
            try {
                fail("the server accepted " + tls12Handshake(certificate, old));
            } catch (SSLHandshakeException expected) {
                // handshake_failure: no suite in common
            }
        }
    }

    /** A TLS 1.2 handshake offering only {@code suite}; returns the suite agreed. */
    private String tls12Handshake(TestCertificate certificate, String suite) throws IOException {
        try (SSLSocket s = (SSLSocket) certificate.client.getSocketFactory().createSocket("127.0.0.1",
                listener.boundAddress().getPort())) {
            s.setSoTimeout(5000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(new String[] {suite});
            s.startHandshake();
            return s.getSession().getCipherSuite();
        }
    }

    @Test
    public void clearTextAfterStartTlsIsDroppedNotExecuted() throws Exception {
        TestCertificate certificate = new TestCertificate(tmp.getRoot().toPath());
        startWithTls(TlsSettings.Mode.STARTTLS, certificate);
        try (Socket plain = connect(listener.boundAddress().getPort())) {
            BufferedReader in = reader(plain);
            assertEquals("hello", in.readLine());
            OutputStream out = plain.getOutputStream();
            out.write("secure?\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("false", in.readLine());
            // an attacker in the middle appends a command to the client's STARTTLS, in the same packet
            out.write("starttls\r\ninjected\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("go ahead", in.readLine());
            Thread.sleep(100); // and more clear text while the handshake begins
            try (SSLSocket s = (SSLSocket) certificate.client.getSocketFactory().createSocket(plain, "localhost",
                    plain.getPort(), true)) {
                verifyHostname(s);
                s.startHandshake();
                BufferedReader secure = reader(s);
                s.getOutputStream().write("secure?\r\nping\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("true", secure.readLine());
                assertEquals("echo ping", secure.readLine());
            }
        }
    }

    private static void verifyHostname(SSLSocket s) {
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
    }
}
