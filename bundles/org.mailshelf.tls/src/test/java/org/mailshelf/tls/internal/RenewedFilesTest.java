package org.mailshelf.tls.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.tls.CertificateInfo.Source;

/** The configured files replaced in place, as an ACME client renews them, with checks every second. */
public class RenewedFilesTest {

    private static final String[] NAMES = {"mail.example.com"};
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    private static TestPki.Ca ca;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path data;
    private TlsComponent tls;

    @BeforeClass
    public static void makeCa() throws Exception {
        ca = TestPki.Ca.rsa("ACME CA");
    }

    @Before
    public void setUp() {
        data = folder.getRoot().toPath();
    }

    @After
    public void deactivate() throws Exception {
        if (tls != null) {
            tls.deactivate();
        }
    }

    @Test
    public void aRenewalServesTheNextHandshakeAndAHalfWrittenOneIsWaitedFor() throws Exception {
        TestPki.Issued first = renew("live/chain.pem", "live/key.pem");
        tls = component(TestPki.config(NAMES, "live/chain.pem", "live/key.pem", 1));
        try (EchoServer server = EchoServer.perConnection(tls::sslContext, "TLSv1.3");
                TlsClient open = new TlsClient(server.port(), "mail.example.com", ca.certificate(), "TLSv1.3")) {
            assertEquals(first.leaf(), open.peerLeaf());

            TestPki.Issued second = renew("live/chain.pem", "live/key.pem");
            Eventually.await(FEW_SECONDS, "the renewed certificate", () -> second.leaf().equals(presented(server)));
            assertEquals(Source.FILES, tls.current().source());
            assertEquals("echo: still open", open.exchange("still open"));
            assertEquals(first.leaf(), open.peerLeaf());

            TestPki.Issued third = ca.issue(TestPki.ec(), "mail.example.com");
            TestPki.write(data.resolve("live/key.pem"), third.keyPem()); // the certificate not written yet
            long twoChecks = System.nanoTime() + Duration.ofMillis(2200).toNanos();
            while (System.nanoTime() < twoChecks) {
                assertEquals(second.leaf(), presented(server));
            }
            TestPki.write(data.resolve("live/chain.pem"), third.chainPem());
            Eventually.await(FEW_SECONDS, "the whole third pair", () -> third.leaf().equals(presented(server)));
        }
    }

    @Test
    public void theWatchFollowsTheConfigurationAndEndsAtDeactivate() throws Exception {
        long before = FileWatchTest.watchThreads();
        renew("a/chain.pem", "a/key.pem");
        TestPki.Issued b = renew("b/chain.pem", "b/key.pem");
        tls = component(TestPki.config(NAMES, "", "", 1));
        assertEquals("no files, no watch", before, FileWatchTest.watchThreads());

        tls.modified(TestPki.config(NAMES, "a/chain.pem", "a/key.pem", 1));
        assertEquals(before + 1, FileWatchTest.watchThreads());
        tls.modified(TestPki.config(NAMES, "b/chain.pem", "b/key.pem", 1));
        Eventually.await(FEW_SECONDS, "one watch", () -> FileWatchTest.watchThreads() == before + 1);
        assertEquals(b.leaf().getSerialNumber().toString(16), tls.current().serialNumber());
        renew("a/chain.pem", "a/key.pem");
        TestPki.Issued renewedB = renew("b/chain.pem", "b/key.pem");
        Eventually.await(FEW_SECONDS, "b renewed", () -> renewedB.leaf().getSerialNumber().toString(16)
                .equals(tls.current().serialNumber()));

        tls.modified(TestPki.config(NAMES, "b/chain.pem", "b/key.pem", 0));
        Eventually.await(FEW_SECONDS, "the check turned off", () -> FileWatchTest.watchThreads() == before);
        tls.modified(TestPki.config(NAMES, "b/chain.pem", "b/key.pem", 1));
        assertEquals(before + 1, FileWatchTest.watchThreads());
        tls.deactivate();
        Eventually.await(FEW_SECONDS, "the watch ended", () -> FileWatchTest.watchThreads() == before);
    }

    /** A new pair from the CA written over the files, key first, each in place as cp does. */
    private TestPki.Issued renew(String chainFile, String keyFile) throws Exception {
        TestPki.Issued issued = ca.issue(TestPki.ec(), "mail.example.com");
        TestPki.write(data.resolve(keyFile), issued.keyPem());
        TestPki.write(data.resolve(chainFile), issued.chainPem());
        return issued;
    }

    private static X509Certificate presented(EchoServer server) throws Exception {
        return TlsClient.presented(server.port(), "mail.example.com", ca.certificate());
    }

    private TlsComponent component(TlsConfig config) {
        return new TlsComponent(data, TlsSettings.from(config, data), Clock.systemUTC());
    }
}
