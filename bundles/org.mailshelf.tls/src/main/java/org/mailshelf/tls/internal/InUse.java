package org.mailshelf.tls.internal;

import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.tls.CertificateInfo;

/**
 * What handshakes use now. Swapped whole, so a caller never pairs one identity's context with another's PEM or
 * description.
 */
record InUse(ServerIdentity identity, SSLContext context, String chainPem, CertificateInfo info) {

    /**
     * Everything ready for handshakes, so a key SunJSSE cannot use fails here, before anything is switched.
     *
     * @param previous what is in use, or null; its context is kept for the same key and chain, and with it the
     *                 session cache clients resume from
     */
    static InUse of(ServerIdentity identity, CertificateInfo.Source source, InUse previous)
            throws GeneralSecurityException {
        SSLContext context = previous != null && previous.identity().equals(identity)
                ? previous.context()
                : SslContexts.serverContext(identity);
        return new InUse(identity, context, Pem.certificates(identity.chain()),
                CertificateInfos.describe(identity, source));
    }
}
