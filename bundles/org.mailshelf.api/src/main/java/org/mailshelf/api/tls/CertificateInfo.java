package org.mailshelf.api.tls;

import java.time.Instant;
import java.util.List;

/**
 * A certificate as an admin sees it.
 *
 * @param source            where the certificate in use comes from
 * @param subject           the leaf's subject, e.g. {@code CN=mail.example.com}
 * @param issuer            the leaf's issuer; equal to the subject when self-signed
 * @param subjectAltNames   the DNS names and IP addresses the leaf is valid for
 * @param notBefore         start of validity
 * @param notAfter          end of validity
 * @param serialNumber      hexadecimal
 * @param sha256Fingerprint of the leaf's DER encoding, as upper-case hex pairs joined by colons
 * @param chainLength       certificates in the chain, the leaf included
 * @since 1.1
 */
public record CertificateInfo(Source source, String subject, String issuer, List<String> subjectAltNames,
        Instant notBefore, Instant notAfter, String serialNumber, String sha256Fingerprint, int chainLength) {

    public enum Source {
        /** Generated and self-signed by the appliance. */
        GENERATED,
        /** Installed through the console or the API. */
        INSTALLED,
        /** Read from the files the configuration names. */
        FILES
    }

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
