package org.mailshelf.tls.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.CertificateInfo.Source;
import org.mailshelf.api.tls.CertificateRejectedException;
import org.mailshelf.api.tls.ServerTls;
import org.mailshelf.api.tls.TlsCertificates;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity, first of: the files the configuration names, the pair installed through the API,
 * a generated self-signed pair. A change swaps the context in place, so the next handshake uses the new
 * certificate while established sessions keep theirs; a change that cannot be applied leaves the one in use.
 * Immediate: the first boot generates the key at start rather than during a client's first handshake.
 */
@Component(configurationPid = TlsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {ServerTls.class, TlsCertificates.class}, immediate = true)
@Designate(ocd = TlsConfig.class)
public class TlsComponent implements ServerTls, TlsCertificates {

    static final String PID = "org.mailshelf.tls";
    /** Set by the launcher from MAILSHELF_DATA. */
    static final String DATA_PROPERTY = "mailshelf.data";
    static final String TLS_DIR = "tls";

    private final Logger log = LoggerFactory.getLogger(TlsComponent.class);
    private final Path dataDir;
    private final GeneratedIdentity generated;
    private final InstalledIdentity installed;
    private final CertificateWarnings warnings;
    private final Clock clock;
    private volatile InUse inUse;
    // guarded by this
    private TlsSettings settings;
    private FileWatch watch;

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
        this.installed = new InstalledIdentity(dataDir.resolve(TLS_DIR));
        this.warnings = new CertificateWarnings(clock);
        configure(settings);
    }

    @Modified
    void modified(TlsConfig config) {
        configure(TlsSettings.from(config, dataDir));
    }

    @Deactivate
    void deactivate() {
        FileWatch stopping;
        synchronized (this) {
            stopping = watch;
            watch = null;
        }
        if (stopping != null) {
            stopping.close(); // outside the lock: a check under way may be waiting for it
        }
    }

    @Override
    public SSLContext sslContext() {
        return inUse.context();
    }

    @Override
    public String certificateChainPem() {
        return inUse.chainPem();
    }

    @Override
    public CertificateInfo current() {
        return inUse.info();
    }

    @Override
    public synchronized CertificateInfo install(String chainPem, String keyPem) throws CertificateRejectedException {
        if (settings.adminSupplied()) {
            throw new CertificateRejectedException("The configuration names certificate.file ("
                    + settings.certificateFile().orElseThrow() + ") and key.file (" + settings.keyFile().orElseThrow()
                    + "), which take precedence; replace those files instead, or clear both settings");
        }
        ServerIdentity identity = SubmittedIdentity.check(chainPem, keyPem, clock.instant());
        InUse next;
        try {
            next = InUse.of(identity, Source.INSTALLED, inUse);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException("The key and certificate cannot serve TLS: " + e.getMessage(), e);
        }
        try {
            installed.save(identity);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the certificate in " + installed.certificateFile() + ": "
                    + Failures.describe(e), e);
        }
        switchTo(next, "installed, in " + installed.certificateFile());
        warnings.log(identity, settings.hostNames(), installed.certificateFile());
        return current();
    }

    @Override
    public synchronized CertificateInfo uninstall() {
        try {
            if (installed.remove()) {
                log.info("Removed the installed certificate {}", installed.certificateFile());
                choose(settings, true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove the installed certificate: " + Failures.describe(e), e);
        }
        return current();
    }

    /** {@code <data>} from the launcher's property, else {@code data} in the working directory. */
    static Path dataDir(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property.strip());
    }

    /** Activation and configuration changes: the identity to use, and the admin's files watched if named. */
    private synchronized void configure(TlsSettings settings) {
        this.settings = settings;
        if (watch != null) {
            watch.stop(); // not waited for (it may need this lock); a late check finds the settings changed
        }
        watch = settings.watchesFiles()
                ? new FileWatch(List.of(settings.certificateFile().orElseThrow(), settings.keyFile().orElseThrow()),
                        () -> reloadFiles(settings))
                : null;
        boolean filesInUse = choose(settings, inUse == null);
        if (watch != null) {
            watch.start(settings.filesCheck(), filesInUse);
        }
    }

    /**
     * The first usable identity by precedence.
     *
     * @param fallBack whether unusable admin files mean the next identity, or (a configuration change) the one in
     *                 use stays
     * @return whether the admin's files are the identity in use
     */
    private boolean choose(TlsSettings settings, boolean fallBack) {
        if (settings.halfConfigured()) {
            log.error("certificate.file and key.file must be set together: ignoring the one that is set");
        }
        if (settings.adminSupplied()) {
            try {
                useFiles(settings);
                return true;
            } catch (IOException | GeneralSecurityException e) {
                log.error("Cannot use the certificate {} with the key {}: {}. {}",
                        settings.certificateFile().orElseThrow(), settings.keyFile().orElseThrow(),
                        Failures.describe(e), fallBack ? "Using the installed or generated certificate until this is "
                                + "fixed." : "The certificate in use stays.");
                if (!fallBack) {
                    return false;
                }
            }
        }
        if (installed.present() && useInstalled(settings)) {
            return false;
        }
        try {
            use(generated.obtain(settings.hostNames(), settings.adminFiles()), Source.GENERATED,
                    "generated, in " + generated.certificateFile());
        } catch (IOException | GeneralSecurityException e) {
            if (inUse == null) {
                throw new IllegalStateException("No TLS identity: " + Failures.describe(e), e);
            }
            log.error("Cannot prepare the generated certificate: {}. The certificate in use stays.",
                    Failures.describe(e), e);
        }
        return false;
    }

    private void useFiles(TlsSettings settings) throws IOException, GeneralSecurityException {
        Path certificateFile = settings.certificateFile().orElseThrow();
        ServerIdentity admin = IdentityFiles.load(certificateFile, settings.keyFile().orElseThrow());
        warnings.log(admin, settings.hostNames(), certificateFile);
        use(admin, Source.FILES, "from " + certificateFile);
    }

    /** For the watch of the files these settings name; nothing once the configuration has changed. */
    private synchronized void reloadFiles(TlsSettings watched) throws IOException, GeneralSecurityException {
        if (watched == settings) {
            useFiles(watched);
        }
    }

    /** Left on disk when it fails: the admin decides, by installing again or uninstalling. */
    private boolean useInstalled(TlsSettings settings) {
        try {
            ServerIdentity identity = installed.load();
            warnings.log(identity, settings.hostNames(), installed.certificateFile());
            use(identity, Source.INSTALLED, "installed, in " + installed.certificateFile());
            return true;
        } catch (IOException | GeneralSecurityException e) {
            log.error("Cannot use the installed certificate {} with the key {}: {}. Using the generated certificate; "
                    + "install a certificate again, or uninstall it.", installed.certificateFile(),
                    installed.keyFile(), Failures.describe(e));
            return false;
        }
    }

    private void use(ServerIdentity identity, Source source, String origin) throws GeneralSecurityException {
        switchTo(InUse.of(identity, source, inUse), origin);
    }

    private void switchTo(InUse next, String origin) {
        InUse previous = inUse;
        inUse = next;
        if (previous == null || !previous.info().equals(next.info())) {
            log.info("TLS certificate {} (serial {}, valid until {}), {}", next.info().subject(),
                    next.info().serialNumber(), next.info().notAfter(), origin);
        }
    }
}
