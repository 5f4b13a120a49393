package org.mailshelf.tls.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TlsComponentTest {

    private static final String[] SERVER_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] NAMES = {"mail.example.com"};

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path data;

    @Before
    public void setUp() {
        data = folder.getRoot().toPath();
    }

    @Test
    public void aClientTrustingOnlyThePublishedCertificateCompletesAHandshake() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        X509Certificate published = single(tls.certificateChainPem());

        try (EchoServer server = EchoServer.serverSocket(tls.sslContext(), SERVER_PROTOCOLS);
                TlsClient client = new TlsClient(server.port(), "localhost", published, SERVER_PROTOCOLS)) {
            assertEquals("echo: hello", client.exchange("hello"));
            assertEquals("echo: again", client.exchange("again"));
            assertEquals("TLSv1.3", client.protocol());
            assertEquals(published, client.peerLeaf());
        }
        try (EchoServer server = EchoServer.serverSocket(tls.sslContext(), SERVER_PROTOCOLS);
                TlsClient client = new TlsClient(server.port(), "mail.example.com", published, "TLSv1.2")) {
            assertEquals("echo: over 1.2", client.exchange("over 1.2"));
            assertEquals("TLSv1.2", client.protocol());
        }
    }

    @Test
    public void aNameOutsideTheCertificateFailsTheClientsCheck() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        try (EchoServer server = EchoServer.serverSocket(tls.sslContext(), SERVER_PROTOCOLS)) {
            new TlsClient(server.port(), "imap.example.com", single(tls.certificateChainPem()), SERVER_PROTOCOLS)
                    .close();
            fail("the client accepted a certificate not naming imap.example.com");
        } catch (SSLHandshakeException expected) {
            // the SAN check is what refused it
        }
    }

    @Test
    public void aClientLimitedToTls11FailsTheHandshake() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        try (EchoServer server = EchoServer.serverSocket(tls.sslContext(), SERVER_PROTOCOLS)) {
            try {
                new TlsClient(server.port(), "localhost", single(tls.certificateChainPem()), "TLSv1.1").close();
                fail("a TLSv1.1 handshake succeeded");
            } catch (SSLHandshakeException expected) {
                // the JDK client refuses TLSv1.1 itself (jdk.tls.disabledAlgorithms), so see the server's answer too
            }
            assertEquals("alert protocol_version", 70, alertAfterTls11ClientHello(server.port()));
            assertNotNull("the server saw the failed handshake", server.failures.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    public void anAdminCertificateReplacesTheGeneratedOneForNewConnectionsOnly() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        X509Certificate generated = single(tls.certificateChainPem());
        KeyPair caKeys = TestPki.rsa();
        X509Certificate ca = TestPki.ca(caKeys, "Admin CA");
        KeyPair keys = TestPki.rsa();
        X509Certificate leaf = TestPki.server(keys, ca, caKeys.getPrivate(), TestPki.inDays(90), "localhost",
                "mail.example.com");
        TestPki.write(data.resolve("admin/chain.pem"), TestPki.certificates(leaf, ca));
        TestPki.write(data.resolve("admin/key.pem"), TestPki.traditional(keys.getPrivate()));

        try (EchoServer server = EchoServer.perConnection(tls::sslContext, SERVER_PROTOCOLS);
                TlsClient before = new TlsClient(server.port(), "localhost", generated, SERVER_PROTOCOLS)) {
            assertEquals("echo: before", before.exchange("before"));

            SSLContext previous = tls.sslContext();
            tls.modified(TestPki.config(NAMES, "admin/chain.pem", "admin/key.pem")); // relative to the data dir
            assertNotEquals(previous, tls.sslContext());
            assertEquals(List.of(leaf, ca), TlsClient.parse(tls.certificateChainPem()));

            try (TlsClient after = new TlsClient(server.port(), "mail.example.com", ca, SERVER_PROTOCOLS)) {
                assertEquals("echo: after", after.exchange("after"));
                assertEquals(leaf, after.peerLeaf());
            }
            assertEquals("echo: still here", before.exchange("still here"));
            assertEquals(generated, before.peerLeaf());
        }
    }

    @Test
    public void aBrokenAdminPairLeavesTheCertificateInUse() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        Path chain = TestPki.write(data.resolve("chain.pem"), TestPki.certificates(leaf));
        Path key = TestPki.write(data.resolve("key.pem"), TestPki.pkcs8(keys.getPrivate()));
        TlsComponent tls = component(TestPki.config(NAMES, chain.toString(), key.toString()));
        assertEquals(leaf, single(tls.certificateChainPem()));
        SSLContext inUse = tls.sslContext();

        Path otherKey = TestPki.write(data.resolve("other.pem"), TestPki.pkcs8(TestPki.ec().getPrivate()));
        tls.modified(TestPki.config(NAMES, chain.toString(), otherKey.toString()));
        assertSame(inUse, tls.sslContext());
        tls.modified(TestPki.config(NAMES, "missing.pem", "key.pem"));
        assertSame(inUse, tls.sslContext());
        assertEquals(leaf, single(tls.certificateChainPem()));

        tls.modified(TestPki.config(NAMES, "chain.pem", "key.pem")); // unchanged pair: the context is kept
        assertSame(inUse, tls.sslContext());
        tls.modified(TestPki.config(NAMES, "", "")); // back to the generated one
        assertEquals(tls.certificateChainPem(), Files.readString(data.resolve("tls/server.crt")));
    }

    @Test
    public void aBrokenAdminPairAtFirstStartFallsBackToTheGeneratedOne() throws Exception {
        KeyPair keys = TestPki.rsa();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        Path chain = TestPki.write(data.resolve("chain.pem"), TestPki.certificates(leaf));
        Path key = TestPki.write(data.resolve("key.pem"), TestPki.pkcs8(TestPki.rsa().getPrivate()));
        byte[] adminKey = Files.readAllBytes(key);

        TlsComponent tls = component(TestPki.config(NAMES, "chain.pem", "key.pem"));
        X509Certificate served = single(tls.certificateChainPem());
        assertEquals(served.getSubjectX500Principal(), served.getIssuerX500Principal());
        assertEquals(served, Pem.readCertificates(data.resolve("tls/server.crt")).get(0));
        assertArrayEquals(adminKey, Files.readAllBytes(key));
    }

    @Test
    public void anExpiredAdminCertificateIsServedAllTheSame() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate expired = TestPki.server(keys, null, null, Instant.now().minusSeconds(3600), "localhost");
        TestPki.write(data.resolve("chain.pem"), TestPki.certificates(expired));
        TestPki.write(data.resolve("key.pem"), TestPki.traditional(keys.getPrivate()));
        TlsComponent tls = component(TestPki.config(NAMES, "chain.pem", "key.pem"));
        assertEquals(expired, single(tls.certificateChainPem()));
    }

    @Test
    public void onlyOneOfTheTwoFilesMeansTheGeneratedPair() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "chain.pem", ""));
        assertEquals(Files.readString(data.resolve("tls/server.crt")), tls.certificateChainPem());
    }

    @Test
    public void theDataDirectoryDefaultsToData() {
        assertEquals(Path.of("data"), TlsComponent.dataDir(null));
        assertEquals(Path.of("data"), TlsComponent.dataDir(" "));
        assertEquals(Path.of("/var/lib/mailshelf"), TlsComponent.dataDir("/var/lib/mailshelf"));
    }

    private TlsComponent component(TlsConfig config) {
        return new TlsComponent(data, TlsSettings.from(config, data), Clock.systemUTC());
    }

    private static X509Certificate single(String pem) throws Exception {
        List<X509Certificate> chain = TlsClient.parse(pem);
        assertEquals(1, chain.size());
        return chain.get(0);
    }

    /**
     * Sends a TLS 1.1 ClientHello by hand (the JDK client will not) and returns the description of the alert the
     * server answers with.
     */
    private static int alertAfterTls11ClientHello(int port) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        ByteBuffer hello = ByteBuffer.allocate(200);
        hello.put(new byte[] {3, 2}).put(random).put((byte) 0); // version TLS 1.1, random, no session id
        hello.putShort((short) 6).putShort((short) 0xC009).putShort((short) 0xC013).putShort((short) 0x002F);
        hello.put((byte) 1).put((byte) 0); // null compression
        hello.putShort((short) 14);
        hello.putShort((short) 0x000A).putShort((short) 4).putShort((short) 2).putShort((short) 0x0017); // P-256
        hello.putShort((short) 0x000B).putShort((short) 2).put((byte) 1).put((byte) 0); // uncompressed points
        int helloLength = hello.position();
        ByteBuffer record = ByteBuffer.allocate(helloLength + 9);
        record.put((byte) 22).put(new byte[] {3, 1}).putShort((short) (helloLength + 4)); // handshake record
        record.put((byte) 1).put((byte) 0).putShort((short) helloLength).put(hello.array(), 0, helloLength);

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), EchoServer.TIMEOUT_MILLIS);
            socket.setSoTimeout(EchoServer.TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(record.array());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[7];
            in.readFully(answer);
            assertEquals("an alert record", 21, answer[0]);
            assertEquals("fatal", 2, answer[5]);
            return answer[6];
        }
    }
}
