package org.mailshelf.admin.https.internal;

import javax.net.ssl.SSLContext;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.mailshelf.api.tls.ServerTls;
import org.mailshelf.api.tls.TlsPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS connector for Felix's Jetty (its ConnectorFactory whiteboard), so the console and the API are served
 * over TLS with the mail listeners' certificate. The connector asks the TLS bundle for the context at each
 * handshake, so an installed certificate is used at once here too. Without the TLS bundle this component is not
 * active and Felix removes the connector.
 */
@Component(configurationPid = AdminHttpsConnector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ConnectorFactory.class)
@Designate(ocd = AdminHttpsConfig.class)
public class AdminHttpsConnector implements ConnectorFactory {

    static final String PID = "org.mailshelf.admin.https";

    private final Logger log = LoggerFactory.getLogger(AdminHttpsConnector.class);
    private final AdminHttpsConfig config;
    private final ServerTls tls;

    @Activate
    public AdminHttpsConnector(AdminHttpsConfig config, @Reference ServerTls tls) {
        this.config = config;
        this.tls = tls;
    }

    @Override
    public Connector createConnector(Server server) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSecureScheme("https");
        http.setSecurePort(config.port());
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // which name a browser dialled is the browser's business: the certificate check is done there
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);

        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(new CurrentCertificate(tls, config), HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(http));
        connector.setName("mailshelf-admin-https");
        connector.setHost(config.host());
        connector.setPort(config.port());
        log.info("Admin console and API over HTTPS on {}:{}", config.host(), config.port());
        return connector;
    }

    /** Jetty's factory with the TLS bundle's context of the moment instead of a key store it loads once. */
    private static final class CurrentCertificate extends SslContextFactory.Server {
        private final ServerTls tls;

        CurrentCertificate(ServerTls tls, AdminHttpsConfig config) {
            this.tls = tls;
            SSLContext context = tls.sslContext();
            setSslContext(context);
            setIncludeProtocols(TlsPolicy.protocols(config.tls_protocols()).toArray(String[]::new));
            setIncludeCipherSuites(TlsPolicy.cipherSuites(config.tls_cipher_suites(),
                    context.getSupportedSSLParameters().getCipherSuites()).toArray(String[]::new));
        }

        @Override
        public SSLContext getSslContext() {
            return isStarted() ? tls.sslContext() : super.getSslContext();
        }
    }
}
