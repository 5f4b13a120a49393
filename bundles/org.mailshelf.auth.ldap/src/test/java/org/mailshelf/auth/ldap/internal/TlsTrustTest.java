package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertThrows;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TlsTrustTest {

    private static final X500Name NAME = new X500Name("CN=ldap.example");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    /**
     * The directory's self-signed certificate is trusted. An attacker presents a leaf of his own that names it as
     * issuer (same DN, its key identifier), followed by the real certificate: every name lines up, only the
     * signature is wrong. UnboundID 7.0.3's PEMFileTrustManager accepts this chain; ours must not.
     */
    @Test
    public void forgedChainEndingInTheTrustedCertificateIsRefused() throws Exception {
        KeyPair directory = keyPair();
        KeyPair attacker = keyPair();
        SubjectKeyIdentifier directoryKeyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(
                directory.getPublic());
        X509Certificate real = certificate(directory.getPublic(), directory, Extension.subjectKeyIdentifier,
                directoryKeyId);
        X509Certificate forged = certificate(attacker.getPublic(), attacker, Extension.authorityKeyIdentifier,
                new AuthorityKeyIdentifier(directoryKeyId.getKeyIdentifier()));
        Path pem = folder.getRoot().toPath().resolve("directory.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                real.getEncoded()) + "\n-----END CERTIFICATE-----\n");

        X509TrustManager trust = (X509TrustManager) TlsTrust.trustManagers(Optional.of(pem))[0];
        trust.checkServerTrusted(new X509Certificate[] {real}, "ECDHE_ECDSA");
        assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {forged, real}, "ECDHE_ECDSA"));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Subject and issuer both {@link #NAME}, signed by {@code signer}. */
    private static X509Certificate certificate(PublicKey subject, KeyPair signer,
            ASN1ObjectIdentifier extension, ASN1Encodable value) throws Exception {
        long now = System.currentTimeMillis();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(NAME,
                BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 86_400_000), NAME, subject)
                .addExtension(extension, false, value)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
