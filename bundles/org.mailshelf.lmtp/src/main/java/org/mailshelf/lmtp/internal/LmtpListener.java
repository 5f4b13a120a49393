package org.mailshelf.lmtp.internal;

import java.io.IOException;
import java.time.Duration;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.lmtp.LmtpConfig;
import org.mailshelf.protocol.lmtp.LmtpProtocol;
import org.mailshelf.transport.ListenerSettings;
import org.mailshelf.transport.MinaListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
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
                config.max_recipients(), MAX_COMMAND_LINE);
        return new LmtpProtocol(protocolConfig, store, authenticator);
    }

    private static ListenerSettings settings(LmtpListenerConfig config) {
        return new ListenerSettings("lmtp", config.host(), config.port(),
                Duration.ofSeconds(config.idle_timeout()), config.max_connections());
    }
}
