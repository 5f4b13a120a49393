package org.mailshelf.tls.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Keys and certificates as an admin's CA would issue them, made with Bouncy Castle independently of the code. */
final class TestPki {

    static final Provider BC = new BouncyCastleProvider();
    private static long serial = 1000;

    private TestPki() {
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A self-signed CA certificate. */
    static X509Certificate ca(KeyPair ca, String name) throws Exception {
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, nextSerial(),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                subject, ca.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, ca.getPrivate());
    }

    /** A server certificate for the DNS names, issued by the CA (or self-signed when issuer is null). */
    static X509Certificate server(KeyPair subjectKeys, X509Certificate issuer, PrivateKey issuerKey, Instant notAfter,
            String... dnsNames) throws Exception {
        X500Name subject = new X500Name("CN=" + dnsNames[0]);
        X500Name issuerName =
                issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        Instant dayBefore = notAfter.minus(Duration.ofDays(1));
        Instant notBefore = dayBefore.isBefore(Instant.now()) ? dayBefore : Instant.now().minus(Duration.ofDays(1));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, nextSerial(),
                Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        boolean rsa = "RSA".equals(subjectKeys.getPublic().getAlgorithm());
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        GeneralName[] names = List.of(dnsNames).stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        return sign(builder, issuerKey == null ? subjectKeys.getPrivate() : issuerKey);
    }

    /** A CA issuing server certificates; a client trusting its certificate accepts them all. */
    record Ca(KeyPair keys, X509Certificate certificate) {

        static Ca rsa(String name) throws Exception {
            KeyPair keys = TestPki.rsa();
            return new Ca(keys, ca(keys, name));
        }

        /** Valid for 90 days. */
        Issued issue(KeyPair serverKeys, String... dnsNames) throws Exception {
            return new Issued(serverKeys.getPrivate(),
                    server(serverKeys, certificate, keys.getPrivate(), inDays(90), dnsNames), certificate);
        }
    }

    /** A server's key and its chain of two: the leaf, then the CA's certificate. */
    record Issued(PrivateKey key, X509Certificate leaf, X509Certificate ca) {

        String chainPem() throws Exception {
            return certificates(leaf, ca);
        }

        /** In OpenSSL's traditional form, as most CAs' instructions leave it. */
        String keyPem() throws IOException {
            return traditional(key);
        }
    }

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    /** PKCS#8 "PRIVATE KEY". */
    static String pkcs8(PrivateKey key) throws IOException {
        return pem(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    /** OpenSSL's traditional form: PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE KEY". */
    static String traditional(PrivateKey key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }

    static String certificates(X509Certificate... chain) throws Exception {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
            }
        }
        return out.toString();
    }

    static String pem(PemObject object) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /** A configuration as ConfigAdmin would hand it over, the files not checked for changes. */
    static TlsConfig config(String[] hostNames, String certificateFile, String keyFile) {
        return config(hostNames, certificateFile, keyFile, 0);
    }

    static TlsConfig config(String[] hostNames, String certificateFile, String keyFile, int filesCheckSeconds) {
        return new TlsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TlsConfig.class;
            }

            @Override
            public String[] host_names() {
                return hostNames;
            }

            @Override
            public String certificate_file() {
                return certificateFile;
            }

            @Override
            public String key_file() {
                return keyFile;
            }

            @Override
            public int files_check_seconds() {
                return filesCheckSeconds;
            }
        };
    }

    private static synchronized BigInteger nextSerial() {
        return BigInteger.valueOf(serial++);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key)));
    }
}
