package org.mailshelf.tls.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.mailshelf.api.tls.CertificateRejectedException;

/**
 * A chain and key pasted or uploaded by an admin, checked before anything is stored: each refusal says what to
 * fix. The text never appears in a message, since one of them is a private key.
 */
final class SubmittedIdentity {

    static final String CHAIN_SOURCE = "the certificate text";
    static final String KEY_SOURCE = "the key text";
    /** Far above any real chain (ten 4096-bit RSA certificates are some 20 KiB): only a mistake is refused. */
    static final int MAX_CHARACTERS = 1 << 20;
    static final int MAX_CHAIN = 10;

    private SubmittedIdentity() {
    }

    static ServerIdentity check(String chainPem, String keyPem, Instant now) throws CertificateRejectedException {
        if (chainPem == null || chainPem.isBlank()) {
            throw new CertificateRejectedException("No certificate given: the PEM chain is needed, the server's "
                    + "own certificate first, then intermediates");
        }
        if (keyPem == null || keyPem.isBlank()) {
            throw new CertificateRejectedException("No private key given: the certificate's unencrypted PEM key "
                    + "is needed");
        }
        if (chainPem.length() + keyPem.length() > MAX_CHARACTERS) {
            throw new CertificateRejectedException("The certificate and key text is over 1 MiB: not a certificate "
                    + "chain and key");
        }
        try {
            List<X509Certificate> chain = Pem.readCertificates(new StringReader(chainPem), CHAIN_SOURCE);
            if (chain.size() > MAX_CHAIN) {
                throw new CertificateRejectedException("The chain holds " + chain.size() + " certificates; at most "
                        + MAX_CHAIN + " are accepted (the server's own and its intermediates, without the root)");
            }
            X509Certificate leaf = chain.get(0);
            if (leaf.getNotAfter().toInstant().isBefore(now)) {
                throw new CertificateRejectedException("The certificate " + leaf.getSubjectX500Principal()
                        + " expired at " + leaf.getNotAfter().toInstant() + ": install a renewed one");
            }
            PrivateKey key = Pem.readPrivateKey(new StringReader(keyPem), KEY_SOURCE);
            return KeyMatch.pair(key, chain, CHAIN_SOURCE);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateRejectedException(e.getMessage(), e);
        }
    }
}
