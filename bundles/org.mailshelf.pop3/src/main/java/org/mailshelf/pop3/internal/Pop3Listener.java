package org.mailshelf.pop3.internal;

import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.tls.ServerTls;
import org.mailshelf.protocol.pop3.Pop3Config;
import org.mailshelf.protocol.pop3.Pop3Protocol;
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

/** One POP3 listener per factory configuration of {@code org.mailshelf.pop3}. */
@Component(configurationPid = "org.mailshelf.pop3", configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = Pop3ListenerConfig.class, factory = true)
public class Pop3Listener {
    private final MailStore store;
    private final Authenticator authenticator;
    private final SharedMaildropLocks locks;
    private final LoginPenalties penalties;
    private final MinaListener listener;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerTls serverTls;

    @Activate
    public Pop3Listener(Pop3ListenerConfig config, @Reference MailStore store,
            @Reference Authenticator authenticator, @Reference SharedMaildropLocks locks,
            @Reference LoginPenalties penalties) {
        this.store = store;
        this.authenticator = authenticator;
        this.locks = locks;
        this.penalties = penalties;
        listener = new MinaListener(settings(config), protocol(config));
        listener.start();
    }

    @Modified
    void modified(Pop3ListenerConfig config) throws IOException {
        listener.reconfigure(settings(config), protocol(config));
    }

    private Pop3Protocol protocol(Pop3ListenerConfig config) {
        Pop3Config protocolConfig = new Pop3Config(config.hostname(), config.max_line_length(), "Mailshelf",
                config.plaintext_login(), config.max_commands_per_second());
        return new Pop3Protocol(protocolConfig, store, authenticator, locks.locks(), penalties);
    }

    @Deactivate
    void stop() {
        listener.close();
    }

    private ListenerSettings settings(Pop3ListenerConfig config) {
        TlsSettings tls = TlsSettings.of(config.tls(), config.tls_protocols(), config.tls_cipher_suites(),
                this::sslContext);
        return ListenerSettings.forProtocol("pop3", config.host(), config.port(),
                Duration.ofSeconds(config.idle_timeout()), config.max_connections(),
                config.max_connections_per_address(), tls);
    }

    /** The certificate of the moment: none while the TLS bundle is stopped, then TLS is refused, not faked. */
    private SSLContext sslContext() {
        ServerTls tls = serverTls;
        return tls == null ? null : tls.sslContext();
    }
}
