package org.mailshelf.lmtp.internal;

import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.tls.ServerTls;
import org.mailshelf.protocol.lmtp.LmtpConfig;
import org.mailshelf.protocol.lmtp.LmtpProtocol;
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

/** One LMTP listener per factory configuration of {@code org.mailshelf.lmtp}. */
@Component(configurationPid = "org.mailshelf.lmtp", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = LmtpListenerConfig.class, factory = true)
public class LmtpListener {
    private static final int MAX_COMMAND_LINE = 4096;

    private final MailStore store;
    private final Authenticator authenticator;
    private final MinaListener listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerTls serverTls;

    @Activate
    public LmtpListener(LmtpListenerConfig config, @Reference MailStore store,
            @Reference Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
        listener = new MinaListener(settings(config), protocol(config));
        listener.start();
    }

    @Modified
    void modified(LmtpListenerConfig config) throws IOException {
        listener.reconfigure(settings(config), protocol(config));
    }

    @Deactivate
    void stop() {
        listener.close();
    }

    private LmtpProtocol protocol(LmtpListenerConfig config) {
        LmtpConfig protocolConfig = new LmtpConfig(config.hostname(), config.max_message_size(),
                config.max_recipients(), MAX_COMMAND_LINE, config.tls_required());
        return new LmtpProtocol(protocolConfig, store, authenticator);
    }

    private ListenerSettings settings(LmtpListenerConfig config) {
        TlsSettings tls = TlsSettings.of(config.tls(), config.tls_protocols(), config.tls_cipher_suites(),
                this::sslContext);
        if (tls == null && config.tls_required()) {
            // every other host would be refused for good: say so now rather than at each delivery
            throw new IllegalArgumentException("tls.required needs tls = starttls or implicit, not none");
        }
        // no limit per address: the MTAs that deliver here open many connections each
        return ListenerSettings.forProtocol("lmtp", config.host(), config.port(),
                Duration.ofSeconds(config.idle_timeout()), config.max_connections(), Integer.MAX_VALUE, tls);
    }

    /** The certificate of the moment: none while the TLS bundle is stopped, then TLS is refused, not faked. */
    private SSLContext sslContext() {
        ServerTls tls = serverTls;
        return tls == null ? null : tls.sslContext();
    }
}
