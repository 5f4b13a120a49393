package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The pair an admin installed through the console or the API, kept in {@code <data>/tls/} beside the generated
 * one. The certificate file is written last and deleted first: it is what says a pair is installed, so a crash
 * never leaves a lone key that counts as installed.
 */
final class InstalledIdentity {

    static final String KEY_FILE = "installed.key";
    static final String CERTIFICATE_FILE = "installed.crt";

    private final Path keyFile;
    private final Path certificateFile;

    InstalledIdentity(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        this.keyFile = absolute.resolve(KEY_FILE);
        this.certificateFile = absolute.resolve(CERTIFICATE_FILE);
    }

    Path certificateFile() {
        return certificateFile;
    }

    Path keyFile() {
        return keyFile;
    }

    boolean present() {
        return Files.exists(certificateFile);
    }

    ServerIdentity load() throws IOException, GeneralSecurityException {
        return IdentityFiles.load(certificateFile, keyFile);
    }

    void save(ServerIdentity identity) throws IOException, GeneralSecurityException {
        IdentityFiles.save(identity, certificateFile, keyFile);
    }

    /** @return whether a pair was installed */
    boolean remove() throws IOException {
        boolean removed = Files.deleteIfExists(certificateFile);
        Files.deleteIfExists(keyFile);
        return removed;
    }
}
