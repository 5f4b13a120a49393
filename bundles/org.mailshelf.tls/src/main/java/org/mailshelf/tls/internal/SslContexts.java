package org.mailshelf.tls.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Server-side SSL contexts from the JDK's own TLS (SunJSSE), whatever other providers are installed. */
final class SslContexts {

    static final String JSSE_PROVIDER = "SunJSSE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SslContexts() {
    }

    static SSLContext serverContext(ServerIdentity identity) throws GeneralSecurityException {
        // the key store lives only in memory; the password just satisfies PKCS12
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot create an empty key store", e);
        }
        store.setKeyEntry("server", identity.key(), password, identity.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX", JSSE_PROVIDER);
        keyManagers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS", JSSE_PROVIDER);
        // no trust managers: no client certificates are asked for, and null would load the JDK's CA store for nothing
        context.init(keyManagers.getKeyManagers(), new TrustManager[0], null);
        return context;
    }
}
