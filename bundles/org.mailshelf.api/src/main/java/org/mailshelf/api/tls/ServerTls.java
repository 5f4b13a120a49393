package org.mailshelf.api.tls;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's key and certificate chain. Listeners ask for the context at each new connection (or STARTTLS),
 * so a certificate the admin installs takes effect for the next handshake without a restart and without
 * dropping sessions.
 */
@ProviderType
public interface ServerTls {

    /** An SSL context with the current key and certificate chain; protocols and suites are the listener's. */
    SSLContext sslContext();

    /** The current certificate chain in PEM, leaf first: what a client of a self-signed appliance trusts. */
    String certificateChainPem();
}
