package org.mailshelf.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Admin-supplied PEM files in the forms OpenSSL and ACME clients write. */
public class IdentityFilesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void loadsRsaInPkcs8AndPkcs1() throws Exception {
        KeyPair keys = TestPki.rsa();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        assertLoads(keys, leaf, TestPki.pkcs8(keys.getPrivate()), "-----BEGIN PRIVATE KEY-----");
        assertLoads(keys, leaf, TestPki.traditional(keys.getPrivate()), "-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    public void loadsEcInPkcs8AndSec1() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        assertLoads(keys, leaf, TestPki.pkcs8(keys.getPrivate()), "-----BEGIN PRIVATE KEY-----");
        assertLoads(keys, leaf, TestPki.traditional(keys.getPrivate()), "-----BEGIN EC PRIVATE KEY-----");
    }

    @Test
    public void skipsTheEcParametersBlockOfOpensslEcparam() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        String parameters = TestPki.pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()));
        assertLoads(keys, leaf, parameters + TestPki.traditional(keys.getPrivate()), "-----BEGIN EC PARAMETERS-----");
    }

    @Test
    public void keepsTheChainInFileOrder() throws Exception {
        KeyPair caKeys = TestPki.rsa();
        X509Certificate ca = TestPki.ca(caKeys, "Test CA");
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, ca, caKeys.getPrivate(), TestPki.inDays(30), "mail.example.com");
        Path chainFile = TestPki.write(folder.getRoot().toPath().resolve("chain.pem"), TestPki.certificates(leaf, ca));
        Path keyFile = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), TestPki.pkcs8(keys.getPrivate()));

        ServerIdentity identity = IdentityFiles.load(chainFile, keyFile);
        assertEquals(List.of(leaf, ca), identity.chain());
    }

    @Test
    public void oneFileMayHoldKeyAndChain() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        Path both = TestPki.write(folder.getRoot().toPath().resolve("both.pem"),
                TestPki.pkcs8(keys.getPrivate()) + TestPki.certificates(leaf));
        assertEquals(leaf, IdentityFiles.load(both, both).leaf());
    }

    @Test
    public void refusesAKeyOfAnotherCertificate() throws Exception {
        KeyPair keys = TestPki.rsa();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        assertRefused(leaf, TestPki.pkcs8(TestPki.rsa().getPrivate()), "does not belong");
        assertRefused(leaf, TestPki.traditional(TestPki.ec().getPrivate()), "holds an RSA key");
    }

    @Test
    public void refusesAChainWithTheLeafNotFirst() throws Exception {
        KeyPair caKeys = TestPki.rsa();
        X509Certificate ca = TestPki.ca(caKeys, "Test CA");
        KeyPair keys = TestPki.rsa();
        X509Certificate leaf = TestPki.server(keys, ca, caKeys.getPrivate(), TestPki.inDays(30), "mail.example.com");
        Path chainFile = TestPki.write(folder.getRoot().toPath().resolve("chain.pem"), TestPki.certificates(ca, leaf));
        Path keyFile = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), TestPki.pkcs8(keys.getPrivate()));
        try {
            IdentityFiles.load(chainFile, keyFile);
            fail("loaded a chain with the CA first");
        } catch (GeneralSecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("must be the server's own"));
        }
    }

    @Test
    public void refusesAnEncryptedKey() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        PemObject encrypted = new JcaPKCS8Generator(keys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(TestPki.BC)
                        .setPassword("secret".toCharArray()).build()).generate();
        assertRefused(leaf, TestPki.pem(encrypted), "encrypted");
    }

    @Test
    public void refusesFilesWithoutTheBlocks() throws Exception {
        KeyPair keys = TestPki.ec();
        X509Certificate leaf = TestPki.server(keys, null, null, TestPki.inDays(30), "mail.example.com");
        assertRefused(leaf, TestPki.certificates(leaf), "No private key");
        Path keyOnly = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), TestPki.pkcs8(keys.getPrivate()));
        try {
            IdentityFiles.load(keyOnly, keyOnly);
            fail("loaded a chain file without certificates");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("No CERTIFICATE"));
        }
    }

    private void assertLoads(KeyPair keys, X509Certificate leaf, String keyPem, String header) throws Exception {
        assertTrue(keyPem, keyPem.startsWith(header));
        Path chainFile = TestPki.write(folder.getRoot().toPath().resolve("chain.pem"), TestPki.certificates(leaf));
        Path keyFile = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), keyPem);

        ServerIdentity identity = IdentityFiles.load(chainFile, keyFile);
        assertEquals(List.of(leaf), identity.chain());
        assertEquals(keys.getPrivate().getAlgorithm(), identity.key().getAlgorithm());
        // the same key, whatever the form it was written in
        if (identity.key() instanceof RSAPrivateKey rsa) {
            assertEquals(((RSAPrivateKey) keys.getPrivate()).getPrivateExponent(), rsa.getPrivateExponent());
        } else {
            assertEquals(((ECPrivateKey) keys.getPrivate()).getS(), ((ECPrivateKey) identity.key()).getS());
        }
    }

    private void assertRefused(X509Certificate leaf, String keyPem, String reason) throws Exception {
        Path chainFile = TestPki.write(folder.getRoot().toPath().resolve("chain.pem"), TestPki.certificates(leaf));
        Path keyFile = TestPki.write(folder.getRoot().toPath().resolve("key.pem"), keyPem);
        try {
            IdentityFiles.load(chainFile, keyFile);
            fail("accepted a key that must be refused (" + reason + ")");
        } catch (IOException | GeneralSecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(reason));
        }
    }
}
