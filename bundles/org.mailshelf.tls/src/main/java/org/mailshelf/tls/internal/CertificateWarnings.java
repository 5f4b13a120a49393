package org.mailshelf.tls.internal;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is wrong with an admin's certificate that clients will notice: logged, and served all the same, since
 * clients decide and an admin may be mid-renewal.
 */
final class CertificateWarnings {

    private final Logger log = LoggerFactory.getLogger(CertificateWarnings.class);
    private final Clock clock;

    CertificateWarnings(Clock clock) {
        this.clock = clock;
    }

    void log(ServerIdentity identity, List<String> hostNames, Path file) {
        X509Certificate leaf = identity.leaf();
        try {
            leaf.checkValidity(Date.from(clock.instant()));
        } catch (CertificateException e) {
            log.warn("The certificate {} is not valid now (valid {} to {}): clients will refuse it", file,
                    leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        }
        try {
            // a CA-issued certificate rarely names localhost, which the default configuration lists
            List<String> dialled = hostNames.stream().filter(n -> !HostNames.LOOPBACK.contains(n)).toList();
            List<String> missing = SubjectAltNames.missing(leaf, dialled);
            if (!missing.isEmpty()) {
                log.warn("The certificate {} does not name {}: clients dialling those names will refuse it", file,
                        missing);
            }
        } catch (CertificateException e) {
            log.warn("Cannot read the subject alternative names of {}: {}", file, e.getMessage());
        }
    }
}
