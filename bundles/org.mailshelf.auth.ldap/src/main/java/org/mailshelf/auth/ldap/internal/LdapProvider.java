package org.mailshelf.auth.ldap.internal;

import java.nio.file.Path;

import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.AuthResult;
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
 * An {@link AuthProvider} per factory configuration: users found in an LDAP directory log in by a bind with
 * their password. Ranked 10 by default, so it decides before the local accounts (0) for the users it knows.
 * <p>
 * When the directory cannot be reached it throws rather than answering "unknown user": it has no verdict.
 */
@Component(name = LdapProvider.PID, configurationPid = LdapProvider.PID, service = AuthProvider.class,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "auth.provider=ldap")
@Designate(ocd = LdapProviderConfig.class, factory = true)
public class LdapProvider implements AuthProvider {

    static final String PID = "org.mailshelf.auth.ldap";
    /** The launcher's data directory; a relative trust.certificate.file is found there. */
    static final String DATA_PROPERTY = "mailshelf.data";

    private final Logger log = LoggerFactory.getLogger(LdapProvider.class);
    private final Path dataDir;
    private volatile UserDirectory directory;

    /** Does not connect: activation succeeds while the directory is down. */
    @Activate
    public LdapProvider(BundleContext context, LdapProviderConfig config) {
        this(dataDir(context.getProperty(DATA_PROPERTY)), config);
    }

    /** For tests: a given data directory. */
    LdapProvider(Path dataDir, LdapProviderConfig config) {
        this.dataDir = dataDir;
        this.directory = open(config);
    }

    /**
     * Applied in place: reactivating would unregister the provider and fail logins meanwhile. A login that picked
     * up the old directory just before the swap may fail once when it finds the pools closed.
     */
    @Modified
    void modified(LdapProviderConfig config) {
        UserDirectory previous = directory;
        directory = open(config);
        previous.close();
    }

    @Deactivate
    void deactivate() {
        directory.close();
    }

    @Override
    public AuthResult authenticate(String user, char[] password) {
        return directory.authenticate(user, password);
    }

    @Override
    public boolean exists(String user) {
        return directory.exists(user);
    }

    /** {@code <data>} from the launcher's property, else {@code data} in the working directory (as the TLS bundle). */
    static Path dataDir(String property) {
        return Path.of(property == null || property.isBlank() ? "data" : property.strip());
    }

    private UserDirectory open(LdapProviderConfig config) {
        DirectorySettings settings = DirectorySettings.from(config, dataDir);
        if (settings.urls().stream().anyMatch(url -> !DirectorySettings.isLdaps(url)) && !settings.startTls()) {
            log.warn("LDAP {}: passwords go to the directory unencrypted; use ldaps:// or start.tls unless it is "
                    + "on this host", settings.urls());
        }
        return new UserDirectory(settings);
    }
}
