package org.mailshelf.tls.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.mailshelf.api.tls.CertificateInfo;

/** A certificate chain described for the admin: the leaf's names, validity and fingerprint. */
final class CertificateInfos {

    private static final HexFormat FINGERPRINT = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateInfos() {
    }

    static CertificateInfo describe(ServerIdentity identity, CertificateInfo.Source source)
            throws GeneralSecurityException {
        X509Certificate leaf = identity.leaf();
        return new CertificateInfo(source, leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), SubjectAltNames.hostNames(leaf),
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), leaf.getSerialNumber().toString(16),
                FINGERPRINT.formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded())),
                identity.chain().size());
    }
}
