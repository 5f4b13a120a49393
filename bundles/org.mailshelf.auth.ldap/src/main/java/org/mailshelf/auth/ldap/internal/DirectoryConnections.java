package org.mailshelf.auth.ldap.internal;

import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;

/**
 * Two connection pools to one directory: searches run as the service account, password checks bind as the user on
 * connections of their own, so a user's bind never changes who the searches run as.
 * <p>
 * Both pools start empty and connect on first use: the appliance boots, and its local accounts work, while the
 * directory is down. A connection found broken is replaced and the operation retried once (directories close idle
 * connections).
 */
final class DirectoryConnections implements AutoCloseable {

    private final LDAPConnectionPool searchPool;
    private final LDAPConnectionPool bindPool;

    DirectoryConnections(DirectorySettings settings) {
        SSLSocketFactory tls = settings.usesTls() ? TlsTrust.socketFactory(settings.trustCertificateFile()) : null;
        ServerSet servers = servers(settings, tls);
        PostConnectProcessor startTls = settings.startTls() ? new StartTLSPostConnectProcessor(tls) : null;
        BindRequest serviceAccount = settings.bindDn()
                .map(dn -> new SimpleBindRequest(dn, settings.bindPassword()))
                .orElse(null);
        searchPool = pool(servers, serviceAccount, startTls, settings.poolSize(), "search");
        try {
            bindPool = pool(servers, null, startTls, settings.poolSize(), "bind");
        } catch (RuntimeException e) {
            searchPool.close();
            throw e;
        }
    }

    SearchResult search(SearchRequest request) throws LDAPSearchException {
        return searchPool.search(request);
    }

    /**
     * A simple bind; afterwards the connection goes back to the pool anonymous again.
     *
     * @throws LDAPException with {@code INVALID_CREDENTIALS} for a wrong password
     */
    void bind(String dn, byte[] password) throws LDAPException {
        bindPool.bindAndRevertAuthentication(new SimpleBindRequest(dn, password));
    }

    /** Connections in use are closed when they come back. */
    @Override
    public void close() {
        searchPool.close();
        bindPool.close();
    }

    private static ServerSet servers(DirectorySettings settings, SSLSocketFactory tls) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(settings.connectTimeoutMillis());
        options.setResponseTimeoutMillis(settings.responseTimeoutMillis());
        // the SDK's default accepts any name in a trusted certificate
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        List<ServerSet> servers = settings.urls().stream()
                .map(url -> server(url, tls, options))
                .toList();
        return servers.size() == 1 ? servers.get(0) : new FailoverServerSet(servers);
    }

    private static ServerSet server(LDAPURL url, SSLSocketFactory tls, LDAPConnectionOptions options) {
        return new SingleServerSet(url.getHost(), url.getPort(), DirectorySettings.isLdaps(url) ? tls : null,
                options);
    }

    private static LDAPConnectionPool pool(ServerSet servers, BindRequest bind, PostConnectProcessor startTls,
            int size, String purpose) {
        LDAPConnectionPool pool;
        try {
            // no initial connections: creating the pool never touches the network, so it cannot fail on an outage
            pool = new LDAPConnectionPool(servers, bind, 0, size, startTls);
        } catch (LDAPException e) {
            throw new IllegalStateException("Cannot create the LDAP " + purpose + " pool", e);
        }
        pool.setConnectionPoolName("mailshelf-ldap-" + purpose);
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        return pool;
    }
}
