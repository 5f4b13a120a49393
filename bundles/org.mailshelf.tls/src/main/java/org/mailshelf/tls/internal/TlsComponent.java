package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.tls.ServerTls;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity: the admin's key and chain when configured, else a generated self-signed pair.
 * A configuration change swaps the context in place, so the next handshake uses the new certificate while
 * established sessions keep theirs; a change that cannot be applied leaves the one in use. Immediate: the first
 * boot generates the key at start rather than during a client's first handshake.
 */
@Component(configurationPid = TlsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = ServerTls.class, immediate = true)
@Designate(ocd = TlsConfig.class)
public class TlsComponent implements ServerTls {

    static final String PID = "org.mailshelf.tls";
    /** Set by the launcher from MAILSHELF_DATA. */
    static final String DATA_PROPERTY = "mailshelf.data";
    static final String TLS_DIR = "tls";

    private final Logger log = LoggerFactory.getLogger(TlsComponent.class);
    private final Path dataDir;
    private final GeneratedIdentity generated;
    private final Clock clock;
    private volatile InUse inUse;

    /** Swapped whole, so a caller never pairs one identity's context with another's PEM. */
    private record InUse(ServerIdentity identity, SSLContext context, String chainPem) {
    }

    @Activate
    public TlsComponent(BundleContext context, TlsConfig config) {
        this(dataDir(context.getProperty(DATA_PROPERTY)), config);
    }

    private TlsComponent(Path dataDir, TlsConfig config) {
        this(dataDir, TlsSettings.from(config, dataDir), Clock.systemUTC());
    }

    /** For tests: a given data directory, settings and clock. */
    TlsComponent(Path dataDir, TlsSettings settings, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.generated = new GeneratedIdentity(dataDir.resolve(TLS_DIR), clock);
        apply(settings);
    }

    @Modified
    void modified(TlsConfig config) {
        apply(TlsSettings.from(config, dataDir));
    }

    @Override
    public SSLContext sslContext() {
        return inUse.context();
    }

    @Override
    public String certificateChainPem() {
        return inUse.chainPem();
    }

    /** {@code <data>} from the launcher's property, else {@code data} in the working directory. */
    static Path dataDir(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property.strip());
    }

    /** The admin's pair if configured and usable, else the generated one; on failure the one in use stays. */
    synchronized void apply(TlsSettings settings) {
        boolean first = inUse == null;
        if (settings.halfConfigured()) {
            log.error("certificate.file and key.file must be set together: ignoring the one that is set");
        }
        if (settings.adminSupplied()) {
            Path certificateFile = settings.certificateFile().orElseThrow();
            Path keyFile = settings.keyFile().orElseThrow();
            try {
                ServerIdentity admin = IdentityFiles.load(certificateFile, keyFile);
                warnAboutAdminCertificate(admin, settings.hostNames(), certificateFile);
                use(admin, "from " + certificateFile);
                return;
            } catch (IOException | GeneralSecurityException e) {
                if (!first) {
                    log.error("Cannot use the certificate {} with the key {}: {}. The certificate in use stays.",
                            certificateFile, keyFile, Failures.describe(e));
                    return;
                }
                log.error("Cannot use the certificate {} with the key {}: {}. Using the generated certificate "
                        + "until this is fixed.", certificateFile, keyFile, Failures.describe(e));
            }
        }
        Set<Path> adminFiles = new HashSet<>();
        settings.certificateFile().ifPresent(adminFiles::add);
        settings.keyFile().ifPresent(adminFiles::add);
        try {
            use(generated.obtain(settings.hostNames(), adminFiles), "generated, in " + generated.certificateFile());
        } catch (IOException | GeneralSecurityException e) {
            if (first) {
                throw new IllegalStateException("No TLS identity: " + Failures.describe(e), e);
            }
            log.error("Cannot prepare the generated certificate: {}. The certificate in use stays.",
                    Failures.describe(e), e);
        }
    }

    private void use(ServerIdentity identity, String origin) throws GeneralSecurityException {
        InUse current = inUse;
        if (current != null && current.identity().equals(identity)) {
            return; // same key and chain: keep the context, and with it the session cache clients resume from
        }
        inUse = new InUse(identity, SslContexts.serverContext(identity), Pem.certificates(identity.chain()));
        log.info("TLS certificate {} (serial {}, valid until {}), {}", identity.leaf().getSubjectX500Principal(),
                identity.leaf().getSerialNumber().toString(16), identity.leaf().getNotAfter().toInstant(), origin);
    }

    /** Served all the same: clients decide, and an admin may be mid-renewal. */
    private void warnAboutAdminCertificate(ServerIdentity identity, List<String> hostNames, Path file) {
        X509Certificate leaf = identity.leaf();
        try {
            leaf.checkValidity(Date.from(clock.instant()));
        } catch (CertificateException e) {
            log.warn("The certificate {} is not valid now (valid {} to {}): clients will refuse it", file,
                    leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        }
        try {
            // a CA-issued certificate rarely names localhost, which the default configuration lists
            List<String> dialled = hostNames.stream().filter(n -> !HostNames.LOOPBACK.contains(n)).toList();
            List<String> missing = SubjectAltNames.missing(leaf, dialled);
            if (!missing.isEmpty()) {
                log.warn("The certificate {} does not name {}: clients dialling those names will refuse it", file,
                        missing);
            }
        } catch (CertificateException e) {
            log.warn("Cannot read the subject alternative names of {}: {}", file, e.getMessage());
        }
    }
}
