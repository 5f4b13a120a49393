package org.mailshelf.auth.ldap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import com.unboundid.util.ssl.SSLUtil;

/**
 * Which directory certificates are trusted: the JVM's trust store, or only the certificates of a PEM file.
 * <p>
 * Both go through the JDK's PKIX trust manager. UnboundID's own {@code PEMFileTrustManager} is not used: in 7.0.3
 * it accepts a chain when any certificate in it is a trusted one and the names line up, without checking
 * signatures, so a forged leaf presented with the real certificate behind it would pass.
 */
final class TlsTrust {

    private TlsTrust() {
    }

    /** @throws IllegalArgumentException when the PEM file cannot be read or holds no certificate */
    static SSLSocketFactory socketFactory(Optional<Path> pemFile) {
        try {
            return new SSLUtil(trustManagers(pemFile)).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS for LDAP", e);
        }
    }

    /** The JDK's PKIX trust managers over the PEM file's certificates, or over the JVM default trust store. */
    static TrustManager[] trustManagers(Optional<Path> pemFile) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        // a null key store means the JVM default: cacerts, or javax.net.ssl.trustStore when set
        factory.init(pemFile.isPresent() ? keyStore(pemFile.get()) : null);
        return factory.getTrustManagers();
    }

    private static KeyStore keyStore(Path pemFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("trust.certificate.file: cannot read certificates from " + pemFile,
                    e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("trust.certificate.file: no certificate in " + pemFile);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        return store;
    }
}
