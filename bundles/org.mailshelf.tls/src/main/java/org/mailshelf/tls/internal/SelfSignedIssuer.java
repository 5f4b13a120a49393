package org.mailshelf.tls.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes an EC P-256 key and a self-signed server certificate for it. */
final class SelfSignedIssuer {

    static final int VALIDITY_YEARS = 10;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    /**
     * Our own instance, never registered with Security: a registered one would outlive an update of this bundle.
     * Built on first use, since only a first boot or a new host name needs it.
     */
    private Provider provider;

    SelfSignedIssuer(Clock clock) {
        this.clock = clock;
    }

    /** Subject CN is the first name; the SANs are all names plus the loopback ones. */
    ServerIdentity issue(List<String> hostNames) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider());
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();

        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostNames.get(0)).build();
        // a positive serial of exactly 128 bits: unpredictable, and under the 20 octets RFC 5280 allows
        BigInteger serial = new BigInteger(128, random).setBit(127);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        Date notBefore = Date.from(now.minusDays(1).toInstant()); // a client whose clock is behind accepts it too
        Date notAfter = Date.from(now.plusYears(VALIDITY_YEARS).toInstant());
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(subject, serial, notBefore, notAfter, subject, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // ECDSA keys only sign in TLS: no keyEncipherment
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    SubjectAltNames.encode(HostNames.withLoopback(hostNames)));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(provider())
                    .setSecureRandom(random).build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new ServerIdentity(pair.getPrivate(), List.of(certificate));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build the certificate: " + e.getMessage(), e);
        }
    }

    private synchronized Provider provider() {
        if (provider == null) {
            provider = new BouncyCastleProvider();
        }
        return provider;
    }
}
