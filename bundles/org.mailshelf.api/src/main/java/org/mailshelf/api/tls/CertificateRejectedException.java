package org.mailshelf.api.tls;

/**
 * A certificate or key that cannot be installed; the message says why in words for the admin.
 *
 * @since 1.1
 */
public class CertificateRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CertificateRejectedException(String message) {
        super(message);
    }

    public CertificateRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
