package org.mailshelf.tls.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GeneratedIdentityTest {

    private static final List<String> NAMES = List.of("mail.example.com", "192.0.2.10");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private Path dir;

    @Before
    public void setUp() {
        dir = folder.getRoot().toPath().resolve("tls");
    }

    @Test
    public void generatesAServerCertificateForTheNamesAndLoopback() throws Exception {
        Instant before = Instant.now();
        X509Certificate leaf = obtain(NAMES).leaf();

        assertEquals("CN=mail.example.com", leaf.getSubjectX500Principal().getName());
        assertEquals(leaf.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        leaf.verify(leaf.getPublicKey()); // self-signed
        assertEquals("SHA256withECDSA", leaf.getSigAlgName());
        assertEquals("EC", leaf.getPublicKey().getAlgorithm());
        assertEquals(3, leaf.getVersion());
        assertEquals(1, leaf.getSerialNumber().signum());
        assertEquals(128, leaf.getSerialNumber().bitLength());

        Set<List<?>> sans = new HashSet<>(leaf.getSubjectAlternativeNames());
        assertEquals(Set.of(List.of(2, "mail.example.com"), List.of(2, "localhost"), List.of(7, "192.0.2.10"),
                List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")), sans);

        assertEquals(-1, leaf.getBasicConstraints()); // not a CA
        boolean[] keyUsage = leaf.getKeyUsage();
        assertTrue("digitalSignature", keyUsage[0]);
        for (int i = 1; i < keyUsage.length; i++) {
            assertFalse("key usage bit " + i, keyUsage[i]);
        }
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.15", "2.5.29.19")));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), leaf.getExtendedKeyUsage()); // serverAuth

        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        assertTrue(notBefore.isBefore(before.minus(Duration.ofHours(23))));
        assertTrue(notBefore.isAfter(before.minus(Duration.ofHours(25))));
        assertTrue(notAfter.isAfter(before.plus(Duration.ofDays(3650))));
        assertTrue(notAfter.isBefore(before.plus(Duration.ofDays(3654))));
    }

    @Test
    public void writesAnOwnerOnlyPkcs8KeyAndThePemCertificate() throws Exception {
        ServerIdentity identity = obtain(NAMES);

        Path key = dir.resolve("server.key");
        Path certificate = dir.resolve("server.crt");
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(identity.key(), Pem.readPrivateKey(key));
        assertEquals(identity.chain(), Pem.readCertificates(certificate));
        try (var listing = Files.list(dir)) {
            assertEquals("no temporary files left", 2, listing.count());
        }
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals(AtomicFiles.OWNER_ONLY, Files.getPosixFilePermissions(key));
    }

    @Test
    public void aLaterStartLoadsTheSamePair() throws Exception {
        ServerIdentity first = obtain(NAMES);
        ServerIdentity second = new GeneratedIdentity(dir, Clock.systemUTC()).obtain(NAMES, Set.of());
        assertEquals(first.leaf().getSerialNumber(), second.leaf().getSerialNumber());
        assertEquals(first.key(), second.key());
        // fewer names are still covered
        assertEquals(first.leaf(), obtain(List.of("mail.example.com")).leaf());
    }

    @Test
    public void anAddedHostNameMakesANewPair() throws Exception {
        ServerIdentity first = obtain(NAMES);
        ServerIdentity second = obtain(List.of("mail.example.com", "192.0.2.10", "imap.example.com"));
        assertNotEquals(first.leaf().getSerialNumber(), second.leaf().getSerialNumber());
        assertNotEquals(first.key(), second.key());
        assertTrue(SubjectAltNames.missing(second.leaf(), List.of("imap.example.com")).isEmpty());
        assertEquals(second.leaf(), Pem.readCertificates(dir.resolve("server.crt")).get(0));
    }

    @Test
    public void anExpiredPairIsReplaced() throws Exception {
        ServerIdentity first = obtain(NAMES);
        Clock elevenYearsOn = Clock.fixed(Instant.now().plus(Duration.ofDays(11 * 366)), ZoneOffset.UTC);
        ServerIdentity second = new GeneratedIdentity(dir, elevenYearsOn).obtain(NAMES, Set.of());
        assertNotEquals(first.leaf().getSerialNumber(), second.leaf().getSerialNumber());
    }

    @Test
    public void aDamagedPairIsReplaced() throws Exception {
        ServerIdentity first = obtain(NAMES);
        Files.writeString(dir.resolve("server.key"),
                "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
        ServerIdentity second = obtain(NAMES);
        assertNotEquals(first.leaf().getSerialNumber(), second.leaf().getSerialNumber());
    }

    @Test
    public void aCaIssuedPairPutThereByHandIsKept() throws Exception {
        KeyPair caKeys = TestPki.ec();
        X509Certificate ca = TestPki.ca(caKeys, "Test CA");
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, ca, caKeys.getPrivate(), TestPki.inDays(30), "other.example");
        String keyPem = TestPki.pkcs8(keys.getPrivate());
        TestPki.write(dir.resolve("server.key"), keyPem);
        TestPki.write(dir.resolve("server.crt"), TestPki.certificates(leaf, ca));

        assertEquals(leaf, obtain(NAMES).leaf());
        assertEquals(keyPem, Files.readString(dir.resolve("server.key")));
    }

    @Test
    public void neverOverwritesAFileConfiguredAsTheAdmins() throws Exception {
        GeneratedIdentity generated = new GeneratedIdentity(dir, Clock.systemUTC());
        Path adminKey = TestPki.write(dir.resolve("server.key"), "the admin's, unreadable to us");
        try {
            generated.obtain(NAMES, Set.of(generated.keyFile()));
            fail("overwrote the admin's file");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("Refusing to overwrite"));
        }
        assertArrayEquals("the admin's, unreadable to us".getBytes(), Files.readAllBytes(adminKey));
    }

    private ServerIdentity obtain(List<String> names) throws Exception {
        return new GeneratedIdentity(dir, Clock.systemUTC()).obtain(names, Set.of());
    }
}
