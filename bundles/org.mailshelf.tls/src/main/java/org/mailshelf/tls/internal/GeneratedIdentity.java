package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed pair in {@code <data>/tls/}: made at first boot, kept across restarts (clients that trusted it
 * keep trusting it), made anew when it no longer names every configured host or has expired.
 */
final class GeneratedIdentity {

    static final String KEY_FILE = "server.key";
    static final String CERTIFICATE_FILE = "server.crt";

    private final Logger log = LoggerFactory.getLogger(GeneratedIdentity.class);
    private final Path dir;
    private final Path keyFile;
    private final Path certificateFile;
    private final SelfSignedIssuer issuer;
    private final Clock clock;

    GeneratedIdentity(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.keyFile = this.dir.resolve(KEY_FILE);
        this.certificateFile = this.dir.resolve(CERTIFICATE_FILE);
        this.issuer = new SelfSignedIssuer(clock);
        this.clock = clock;
    }

    Path keyFile() {
        return keyFile;
    }

    Path certificateFile() {
        return certificateFile;
    }

    /**
     * The pair on disk if it still serves, else a new one written there.
     *
     * @param adminFiles files configured by the admin; never overwritten, even if they are ours by name
     */
    ServerIdentity obtain(List<String> hostNames, Set<Path> adminFiles) throws IOException, GeneralSecurityException {
        if (Files.exists(keyFile) || Files.exists(certificateFile)) {
            try {
                ServerIdentity existing = IdentityFiles.load(certificateFile, keyFile);
                if (!isSelfIssued(existing)) {
                    // not something we made: an admin put a CA-issued pair here by hand
                    log.warn("{} is issued by {}, not self-signed: using it as it is; configure certificate.file "
                            + "and key.file instead of replacing the generated files", certificateFile,
                            existing.leaf().getIssuerX500Principal());
                    return existing;
                }
                List<String> missing = SubjectAltNames.missing(existing.leaf(), hostNames);
                if (existing.leaf().getNotAfter().before(Date.from(clock.instant()))) {
                    log.info("The generated certificate {} has expired: generating a new one", certificateFile);
                } else if (!missing.isEmpty()) {
                    log.info("The generated certificate {} does not name {}: generating a new one", certificateFile,
                            missing);
                } else {
                    return existing;
                }
            } catch (IOException | GeneralSecurityException e) {
                log.warn("Cannot use the generated pair in {} ({}): generating a new one", dir,
                        Failures.describe(e));
            }
        }
        return generate(hostNames, adminFiles);
    }

    private ServerIdentity generate(List<String> hostNames, Set<Path> adminFiles)
            throws IOException, GeneralSecurityException {
        for (Path file : List.of(keyFile, certificateFile)) {
            if (adminFiles.contains(file)) {
                throw new IOException(
                        "Refusing to overwrite " + file + ", configured as the admin's certificate or key");
            }
        }
        ServerIdentity created = issuer.issue(hostNames);
        IdentityFiles.save(created, certificateFile, keyFile); // a pair half written by a crash is replaced next start
        log.info("Generated a self-signed certificate for {} in {} (serial {})", HostNames.withLoopback(hostNames),
                certificateFile, created.leaf().getSerialNumber().toString(16));
        // served as read back: what the next start will load, as JDK key objects
        return IdentityFiles.load(certificateFile, keyFile);
    }

    private static boolean isSelfIssued(ServerIdentity identity) {
        return identity.leaf().getSubjectX500Principal().equals(identity.leaf().getIssuerX500Principal());
    }
}
