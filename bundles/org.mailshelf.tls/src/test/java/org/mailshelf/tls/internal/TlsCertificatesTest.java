package org.mailshelf.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.CertificateInfo.Source;
import org.mailshelf.api.tls.CertificateRejectedException;

/** Certificates installed through the API: precedence, persistence, and what is refused with which words. */
public class TlsCertificatesTest {

    private static final String[] NAMES = {"mail.example.com"};
    private static TestPki.Ca ca;
    private static TestPki.Issued issued;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path data;
    private final List<TlsComponent> components = new ArrayList<>();

    @BeforeClass
    public static void issue() throws Exception {
        ca = TestPki.Ca.rsa("Installed CA");
        issued = ca.issue(TestPki.rsa(), "mail.example.com", "localhost");
    }

    @Before
    public void setUp() {
        data = folder.getRoot().toPath();
    }

    @After
    public void deactivate() throws Exception {
        for (TlsComponent component : components) {
            component.deactivate();
        }
    }

    @Test
    public void anInstalledChainServesTheNextHandshake() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        assertEquals(Source.GENERATED, tls.current().source());
        try (EchoServer server = EchoServer.perConnection(tls::sslContext, "TLSv1.3", "TLSv1.2")) {
            CertificateInfo info = tls.install(issued.chainPem(), issued.keyPem());

            assertEquals(issued.leaf(), TlsClient.presented(server.port(), "mail.example.com", ca.certificate()));
            assertEquals(info, tls.current());
            assertEquals(List.of(issued.leaf(), ca.certificate()), TlsClient.parse(tls.certificateChainPem()));
        }
    }

    @Test
    public void describesTheCertificateInUse() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        CertificateInfo info = tls.install(issued.chainPem(), issued.keyPem());

        X509Certificate leaf = issued.leaf();
        assertEquals(Source.INSTALLED, info.source());
        assertEquals("CN=mail.example.com", info.subject());
        assertEquals("CN=Installed CA", info.issuer());
        assertEquals(List.of("mail.example.com", "localhost"), info.subjectAltNames());
        assertEquals(leaf.getNotBefore().toInstant(), info.notBefore());
        assertEquals(leaf.getNotAfter().toInstant(), info.notAfter());
        assertEquals(leaf.getSerialNumber().toString(16), info.serialNumber());
        String hex = HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
        assertEquals(hex, info.sha256Fingerprint().replace(":", ""));
        assertTrue(info.sha256Fingerprint(), info.sha256Fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertEquals(2, info.chainLength());

        CertificateInfo generated =
                component(folder.newFolder().toPath(), TestPki.config(new String[] {"192.0.2.7"}, "", "")).current();
        assertEquals(Source.GENERATED, generated.source());
        assertEquals(generated.subject(), generated.issuer());
        assertEquals(List.of("192.0.2.7", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"),
                generated.subjectAltNames());
        assertEquals(1, generated.chainLength());
    }

    @Test
    public void theInstalledPairIsKeptOwnerOnlyAndSurvivesARestart() throws Exception {
        TlsComponent first = component(TestPki.config(NAMES, "", ""));
        CertificateInfo installed = first.install(issued.chainPem(), issued.keyPem());
        first.deactivate();

        Path key = data.resolve("tls/installed.key");
        assertEquals(issued.key(), Pem.readPrivateKey(key));
        assertEquals(List.of(issued.leaf(), ca.certificate()), Pem.readCertificates(data.resolve("tls/installed.crt")));
        TlsComponent restarted = component(TestPki.config(NAMES, "", ""));
        assertEquals(installed, restarted.current());
        try (EchoServer server = EchoServer.perConnection(restarted::sslContext, "TLSv1.3")) {
            assertEquals(issued.leaf(), TlsClient.presented(server.port(), "localhost", ca.certificate()));
        }
        assumeTrue(key.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(AtomicFiles.OWNER_ONLY, Files.getPosixFilePermissions(key));
    }

    @Test
    public void uninstallGoesBackToTheGeneratedCertificate() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        CertificateInfo generated = tls.current();
        X509Certificate generatedLeaf = TlsClient.parse(tls.certificateChainPem()).get(0);
        tls.install(issued.chainPem(), issued.keyPem());

        assertEquals(generated, tls.uninstall());
        assertFalse(Files.exists(data.resolve("tls/installed.crt")));
        assertFalse(Files.exists(data.resolve("tls/installed.key")));
        try (EchoServer server = EchoServer.perConnection(tls::sslContext, "TLSv1.3")) {
            assertEquals(generatedLeaf, TlsClient.presented(server.port(), "mail.example.com", generatedLeaf));
        }
        assertEquals("nothing installed: nothing to do", generated, tls.uninstall());
        assertEquals(generated, component(TestPki.config(NAMES, "", "")).current());
    }

    @Test
    public void configuredFilesComeBeforeTheInstalledPair() throws Exception {
        TestPki.Issued files = ca.issue(TestPki.ec(), "mail.example.com");
        TestPki.write(data.resolve("admin/chain.pem"), files.chainPem());
        TestPki.write(data.resolve("admin/key.pem"), files.keyPem());
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        tls.install(issued.chainPem(), issued.keyPem());

        tls.modified(TestPki.config(NAMES, "admin/chain.pem", "admin/key.pem"));
        assertEquals(Source.FILES, tls.current().source());
        assertEquals(files.leaf().getSerialNumber().toString(16), tls.current().serialNumber());
        assertEquals(Source.FILES, component(TestPki.config(NAMES, "admin/chain.pem", "admin/key.pem")).current()
                .source());

        tls.modified(TestPki.config(NAMES, "", ""));
        assertEquals(Source.INSTALLED, tls.current().source());

        tls.modified(TestPki.config(NAMES, "admin/chain.pem", "admin/key.pem"));
        assertEquals(Source.FILES, tls.uninstall().source());
        assertFalse(Files.exists(data.resolve("tls/installed.crt")));
    }

    @Test
    public void installIsRefusedWhileCertificateFilesAreConfigured() throws Exception {
        TestPki.write(data.resolve("chain.pem"), issued.chainPem());
        TestPki.write(data.resolve("key.pem"), issued.keyPem());
        TlsComponent tls = component(TestPki.config(NAMES, "chain.pem", "key.pem"));

        assertRefused(tls, issued.chainPem(), issued.keyPem(), "The configuration names certificate.file ("
                + data.resolve("chain.pem").toAbsolutePath() + ") and key.file");
        assertRefused(tls, issued.chainPem(), issued.keyPem(),
                "replace those files instead, or clear both settings");
        assertEquals(Source.FILES, tls.current().source());
    }

    @Test
    public void refusesTextWithoutACertificateOrKey() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        assertRefused(tls, "", issued.keyPem(), "No certificate given");
        assertRefused(tls, issued.chainPem(), " ", "No private key given");
        assertRefused(tls, "just some words", issued.keyPem(), "No CERTIFICATE block in the certificate text");
        assertRefused(tls, issued.keyPem(), issued.chainPem(), "No CERTIFICATE block in the certificate text");
        assertRefused(tls, issued.chainPem(), issued.chainPem(), "No private key block in the key text");
    }

    @Test
    public void refusesGarbageInsideThePemBlocks() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        assertRefused(tls, "-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n",
                issued.keyPem(), "Not valid PEM in the certificate text");
        assertRefused(tls, "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n", issued.keyPem(),
                "Not valid PEM in the certificate text");
        assertRefused(tls, issued.chainPem(), "-----BEGIN PRIVATE KEY-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n",
                "Not valid PEM in the key text");
        // parsed as an EC key pair by Bouncy Castle, refused by the JDK's key factory
        assertRefused(tls, issued.chainPem(),
                "-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----\n",
                "Not a valid EC private key in the key text");
        assertRefused(tls, issued.chainPem() + "-----BEGIN CERTIFICATE-----\nMIIB\n", issued.keyPem(),
                "Not valid PEM in the certificate text");
    }

    @Test
    public void refusesAnEncryptedKey() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        String encrypted = TestPki.pem(new JcaPKCS8Generator(issued.key(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(TestPki.BC)
                        .setPassword("secret".toCharArray()).build()).generate());
        assertRefused(tls, issued.chainPem(), encrypted,
                "is encrypted: an unencrypted key is needed, e.g. openssl pkey -in k.pem -out plain.pem");
    }

    @Test
    public void refusesAKeyOfAnotherCertificate() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        assertRefused(tls, issued.chainPem(), TestPki.pkcs8(TestPki.rsa().getPrivate()),
                "does not belong to the certificate CN=mail.example.com");
        assertRefused(tls, TestPki.certificates(ca.certificate(), issued.leaf()), issued.keyPem(),
                "the first certificate in the certificate text must be the server's own");
        assertRefused(tls, issued.chainPem(), TestPki.pkcs8(TestPki.ec().getPrivate()), "holds an RSA key");
    }

    @Test
    public void refusesAnExpiredCertificate() throws Exception {
        KeyPair keys = TestPki.ec();
        Instant expiry = Instant.now().minusSeconds(60);
        X509Certificate expired = TestPki.server(keys, ca.certificate(), ca.keys().getPrivate(), expiry, "localhost");
        assertRefused(component(TestPki.config(NAMES, "", "")), TestPki.certificates(expired, ca.certificate()),
                TestPki.pkcs8(keys.getPrivate()), "The certificate CN=localhost expired at ");
    }

    @Test
    public void refusesOversizedText() throws Exception {
        TlsComponent tls = component(TestPki.config(NAMES, "", ""));
        X509Certificate[] eleven = new X509Certificate[11];
        eleven[0] = issued.leaf();
        for (int i = 1; i < eleven.length; i++) {
            eleven[i] = ca.certificate();
        }
        assertRefused(tls, TestPki.certificates(eleven), issued.keyPem(),
                "The chain holds 11 certificates; at most 10");
        String padded = issued.chainPem() + "\n".repeat(SubmittedIdentity.MAX_CHARACTERS);
        assertRefused(tls, padded, issued.keyPem(), "over 1 MiB");
    }

    @Test
    public void anInstalledPairThatNoLongerLoadsIsLeftAndTheGeneratedOneServes() throws Exception {
        component(TestPki.config(NAMES, "", "")).install(issued.chainPem(), issued.keyPem());
        Path key = data.resolve("tls/installed.key");
        TestPki.write(key, TestPki.pkcs8(TestPki.rsa().getPrivate()));
        String damaged = Files.readString(key);

        TlsComponent restarted = component(TestPki.config(NAMES, "", ""));
        assertEquals(Source.GENERATED, restarted.current().source());
        assertEquals(damaged, Files.readString(key));
        assertTrue(Files.exists(data.resolve("tls/installed.crt")));
    }

    private TlsComponent component(TlsConfig config) {
        return component(data, config);
    }

    private TlsComponent component(Path dataDir, TlsConfig config) {
        TlsComponent component = new TlsComponent(dataDir, TlsSettings.from(config, dataDir), Clock.systemUTC());
        components.add(component);
        return component;
    }

    /** Refused with a message containing the words, and nothing changed: in use, nor on disk. */
    private void assertRefused(TlsComponent tls, String chainPem, String keyPem, String words) throws Exception {
        CertificateInfo before = tls.current();
        try {
            tls.install(chainPem, keyPem);
            fail("installed what must be refused: " + words);
        } catch (CertificateRejectedException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(words));
            keyPem.lines().filter(line -> line.length() > 8 && !line.startsWith("-----"))
                    .forEach(line -> assertFalse("quotes the key text", expected.getMessage().contains(line)));
        }
        assertEquals(before, tls.current());
        assertFalse(Files.exists(data.resolve("tls/installed.crt")));
    }
}
