package org.mailshelf.tls.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and its certificate chain, leaf first. */
record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {

    ServerIdentity {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A certificate chain needs at least the leaf");
        }
        chain = List.copyOf(chain);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /** Without the key: some JDK keys print their private parts. */
    @Override
    public String toString() {
        return "ServerIdentity[" + leaf().getSubjectX500Principal() + ", serial "
                + leaf().getSerialNumber().toString(16) + ", chain of " + chain.size() + "]";
    }
}
