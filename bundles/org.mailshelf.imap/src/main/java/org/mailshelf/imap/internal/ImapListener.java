package org.mailshelf.imap.internal;

import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.tls.ServerTls;
import org.mailshelf.protocol.imap.ImapConfig;
import org.mailshelf.protocol.imap.ImapProtocol;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;
import org.mailshelf.protocol.imap.search.SearchIndexes;
import org.mailshelf.transport.ListenerSettings;
import org.mailshelf.transport.MinaListener;
import org.mailshelf.transport.TlsSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One IMAP listener per factory configuration of {@code org.mailshelf.imap}. */
@Component(configurationPid = "org.mailshelf.imap", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = ImapListenerConfig.class, factory = true)
public class ImapListener {
    private static final long COMMAND_TEXT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ImapListener.class);

    private final MailStore store;
    private final Authenticator authenticator;
    private final LoginPenalties penalties;
    private final MinaListener listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerTls serverTls;
    private SearchIndexes searchIndexes;

    @Activate
    public ImapListener(ImapListenerConfig config, @Reference MailStore store,
            @Reference Authenticator authenticator, @Reference LoginPenalties penalties) {
        this.store = store;
        this.authenticator = authenticator;
        this.penalties = penalties;
        listener = new MinaListener(settings(config), protocol(config));
        listener.start();
    }

    @Modified
    void modified(ImapListenerConfig config) throws IOException {
        listener.reconfigure(settings(config), protocol(config));
    }

    /** Sessions first, so no search is adding to an index while it is kept. */
    @Deactivate
    void stop() {
        listener.close();
        keepSearchIndexes(searchIndexes);
    }

    /** The store keeps them for the next start: reading every message again would cost seconds per mailbox. */
    private void keepSearchIndexes(SearchIndexes indexes) {
        if (indexes == null) {
            return;
        }
        try {
            indexes.keepAll(store);
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the search indexes for the next start; the first searches will rebuild them",
                    e);
        }
    }

    private ImapProtocol protocol(ImapListenerConfig config) {
        ReceiverLimits defaults = ImapConfig.defaults().limits();
        // an APPEND literal may be as large as the append limit; the command around it needs a little more
        ReceiverLimits limits = defaults.withMaxLiteralSize(config.append_limit())
                .withMaxCommandSize(Math.max(defaults.maxCommandSize(), config.append_limit() + COMMAND_TEXT));
        ImapConfig imap = new ImapConfig(config.hostname(), limits, config.append_limit(), config.plaintext_login(),
                config.max_commands_per_second());
        return new ImapProtocol(imap, store, authenticator, searchIndexes(config), penalties);
    }

    /** Kept across reconfigurations unless the index settings change: a rebuild costs a pass over the mail. */
    private SearchIndexes searchIndexes(ImapListenerConfig config) {
        long budget = (long) config.search_index_memory() << 20;
        if (searchIndexes == null || searchIndexes.budgetBytes() != budget
                || searchIndexes.minMessages() != config.search_index_min_messages()) {
            keepSearchIndexes(searchIndexes);
            searchIndexes = new SearchIndexes(config.search_index_min_messages(), budget);
        }
        return searchIndexes;
    }

    private ListenerSettings settings(ImapListenerConfig config) {
        TlsSettings tls = TlsSettings.of(config.tls(), config.tls_protocols(), config.tls_cipher_suites(),
                this::sslContext);
        return ListenerSettings.forProtocol("imap", config.host(), config.port(),
                Duration.ofSeconds(config.idle_timeout()), config.max_connections(),
                config.max_connections_per_address(), tls);
    }

    /** The certificate of the moment: none while the TLS bundle is stopped, then TLS is refused, not faked. */
    private SSLContext sslContext() {
        ServerTls tls = serverTls;
        return tls == null ? null : tls.sslContext();
    }
}
