package org.mailshelf.store.derby.internal;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.mailshelf.api.store.CredentialStore;
import org.mailshelf.api.store.MailStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Derby store as a service. Deactivation (bundle stop or update, configuration change, framework
 * shutdown) shuts the database down cleanly; the next activation opens it again. Immediate: opening the
 * database is too costly to repeat whenever the last user lets go of the service, as a delayed component would.
 */
@Component(name = DerbyStoreComponent.PID, service = {MailStore.class, CredentialStore.class},
        property = "store.type=derby", immediate = true)
@Designate(ocd = StoreConfig.class)
public class DerbyStoreComponent extends DerbyMailStore {

    static final String PID = "org.mailshelf.store.derby";
    /** Set by the launcher from MAILSHELF_DATA. */
    static final String DATA_PROPERTY = "mailshelf.data";

    private final ExecutorService prewarming = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mailshelf-store-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    @Activate
    public DerbyStoreComponent(StoreConfig config, BundleContext context) {
        super(databaseDir(config.database(), context.getProperty(DATA_PROPERTY)), config.connections(),
                config.metadata_cache_messages(), (long) config.message_cache_megabytes() << 20);
        prewarming.execute(this::prewarm);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        prewarming.shutdownNow();
        prewarming.awaitTermination(10, TimeUnit.SECONDS); // at most one mailbox's load
        close();
    }

    /** The configured directory, else {@code <data>/db}, else {@code data/db}. */
    static Path databaseDir(String configured, String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir.strip(), "db");
    }
}
