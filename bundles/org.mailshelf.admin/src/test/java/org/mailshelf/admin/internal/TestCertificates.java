package org.mailshelf.admin.internal;

import java.time.Instant;
import java.util.List;

import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.CertificateInfo.Source;
import org.mailshelf.api.tls.CertificateRejectedException;
import org.mailshelf.api.tls.TlsCertificates;

/**
 * Stands in for the TLS bundle in routing tests: "installs" a chain whose text starts with "good" and refuses
 * anything else with the TLS bundle's kind of message. The real checks are tested in the TLS bundle and TlsIT.
 */
final class TestCertificates implements TlsCertificates {

    private CertificateInfo current = info(Source.GENERATED, "CN=localhost");

    static CertificateInfo info(Source source, String subject) {
        return new CertificateInfo(source, subject, subject, List.of("localhost", "127.0.0.1"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), "1f", "AB:CD", 1);
    }

    @Override
    public CertificateInfo current() {
        return current;
    }

    @Override
    public CertificateInfo install(String chainPem, String keyPem) throws CertificateRejectedException {
        if (diskFull) {
            throw new IllegalStateException("Cannot store the certificate in data/tls/installed.crt: No space left");
        }
        if (!chainPem.startsWith("good")) {
            throw new CertificateRejectedException("No certificate found in the text");
        }
        current = info(Source.INSTALLED, "CN=mail.example.com");
        return current;
    }

    /** Makes the next install fail as a full disk would. */
    boolean diskFull;

    @Override
    public CertificateInfo uninstall() {
        current = info(Source.GENERATED, "CN=localhost");
        return current;
    }
}
