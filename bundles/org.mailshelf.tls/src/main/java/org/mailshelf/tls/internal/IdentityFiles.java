package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A key file and a certificate chain file read together and checked to belong together. */
final class IdentityFiles {

    private IdentityFiles() {
    }

    static ServerIdentity load(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = Pem.readCertificates(certificateFile);
        PrivateKey key = Pem.readPrivateKey(keyFile);
        try {
            KeyMatch.check(key, chain.get(0));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(e.getMessage() + " (the first certificate in " + certificateFile
                    + " must be the server's own, intermediates after it)", e);
        }
        return new ServerIdentity(key, chain);
    }
}
