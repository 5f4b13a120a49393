package org.mailshelf.auth.ldap.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.OperationType;

/**
 * UnboundID's in-memory directory on 127.0.0.1, a free port, with a service account and a few users. Searches
 * need a bind, so the tests also prove the service account is used. It records who binds and how often it is
 * searched.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "dc=example,dc=com";
    static final String PEOPLE = "ou=people," + BASE;
    static final String STAFF = "ou=staff," + BASE;
    static final String SERVICE_DN = "cn=mailshelf,ou=services," + BASE;
    static final String SERVICE_PASSWORD = "service-secret";
    static final String ADA_DN = "uid=Ada,ou=people," + BASE;

    final List<String> bindDns = new CopyOnWriteArrayList<>();
    final AtomicInteger searches = new AtomicInteger();
    private final InMemoryDirectoryServer server;
    private final String scheme;
    private final int port;

    private TestDirectory(InMemoryListenerConfig listener, String scheme) throws Exception {
        this.scheme = scheme;
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(listener);
        config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH);
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                bindDns.add(request.getRequest().getBindDN());
            }

            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                searches.incrementAndGet();
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        for (String ou : List.of("people", "staff", "services", "other")) {
            server.add("dn: ou=" + ou + "," + BASE, "objectClass: top", "objectClass: organizationalUnit",
                    "ou: " + ou);
        }
        server.add("dn: " + SERVICE_DN, "objectClass: person", "cn: mailshelf", "sn: service",
                "userPassword: " + SERVICE_PASSWORD);
        // upper case in the directory: the account name must still come out lower-case
        person(ADA_DN, "Ada", "Ada Lovelace", "ada-secret");
        person("uid=grace," + STAFF, "grace", "Grace Hopper", "grace-secret");
        // the same uid twice: which one is meant cannot be known
        person("uid=twin," + PEOPLE, "twin", "Twin One", "twin-secret");
        person("uid=twin,ou=other," + BASE, "twin", "Twin Two", "twin-secret");
        server.startListening();
        port = server.getListenPort(); // kept: a stopped server reports none, and restarts on this one
    }

    static TestDirectory plain() throws Exception {
        return new TestDirectory(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), 0, null), "ldap");
    }

    static TestDirectory ldaps(TestCertificate certificate) throws Exception {
        return new TestDirectory(InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback(), 0,
                certificate.serverSocketFactory(), null), "ldaps");
    }

    static TestDirectory startTls(TestCertificate certificate) throws Exception {
        return new TestDirectory(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), 0,
                certificate.startTlsSocketFactory()), "ldap");
    }

    void person(String dn, String uid, String cn, String password) throws Exception {
        server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn,
                "sn: " + cn.substring(cn.lastIndexOf(' ') + 1), "userPassword: " + password);
    }

    /** By IP: the loopback address needs no name check. */
    String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    /** By name: the certificate's name is checked. */
    String urlByName() {
        return scheme + "://localhost:" + port;
    }

    /** Stops listening and drops the connections; the data stays. */
    void stop() {
        server.shutDown(true);
    }

    /** Listens again on the same port. */
    void start() throws Exception {
        server.startListening();
    }

    /** A config for this directory with the service account, searching all users. */
    TestConfig config() {
        return new TestConfig(url(), BASE).set("bind.dn", SERVICE_DN).set(".bind.password", SERVICE_PASSWORD);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static InetAddress loopback() throws Exception {
        return InetAddress.getByName("127.0.0.1");
    }
}
