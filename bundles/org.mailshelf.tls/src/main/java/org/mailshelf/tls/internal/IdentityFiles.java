package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/** A key file and a certificate chain file read together and checked to belong together, or written together. */
final class IdentityFiles {

    private IdentityFiles() {
    }

    static ServerIdentity load(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = Pem.readCertificates(certificateFile);
        return KeyMatch.pair(Pem.readPrivateKey(keyFile), chain, certificateFile.toString());
    }

    /**
     * The key owner-only, then the chain, each replaced whole. A crash in between leaves a new key beside the old
     * chain, a pair that does not match and that {@link #load} refuses.
     */
    static void save(ServerIdentity identity, Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException {
        AtomicFiles.createPrivateDirectory(keyFile.toAbsolutePath().getParent());
        AtomicFiles.writeSecret(keyFile, Pem.privateKey(identity.key()).getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.writePublic(certificateFile,
                Pem.certificates(identity.chain()).getBytes(StandardCharsets.US_ASCII));
    }
}
