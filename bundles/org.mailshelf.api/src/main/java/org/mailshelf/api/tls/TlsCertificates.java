package org.mailshelf.api.tls;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the admin console and API do with the server certificate: look at it, install one, go back to the
 * generated one. An installed certificate is kept in the data directory, survives restarts and is used for the
 * next handshake; sessions already encrypted keep theirs.
 *
 * @since 1.1
 */
@ProviderType
public interface TlsCertificates {

    /** The certificate in use now. */
    CertificateInfo current();

    /**
     * Checks and installs a certificate chain and its key.
     *
     * @param chainPem PEM certificates, the server's own first, then intermediates
     * @param keyPem   the unencrypted PEM private key (RSA or EC; PKCS#8, PKCS#1 or SEC1) of the first certificate
     * @return the certificate now in use
     * @throws CertificateRejectedException with a message for the admin when the pair cannot be used, or when the
     *                                      configuration names certificate files (those win; replace them instead)
     */
    CertificateInfo install(String chainPem, String keyPem) throws CertificateRejectedException;

    /**
     * Forgets the installed certificate: the configured files, else the generated certificate, are used again.
     *
     * @return the certificate now in use
     */
    CertificateInfo uninstall();
}
