package org.mailshelf.api.tls;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every Mailshelf TLS endpoint offers unless its configuration narrows it: TLS 1.3 and 1.2 only, and for
 * TLS 1.2 only forward-secret AEAD suites (Mozilla's "intermediate" choice), so no CBC, no RSA key exchange.
 *
 * @since 1.1
 */
public final class TlsPolicy {

    /** TLS 1.0 and 1.1 are broken and never offered, whatever a configuration says. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    /**
     * The protocols a setting asks for, in its order, among {@link #PROTOCOLS}; all of those when it names none.
     *
     * @param setting each entry a name or a comma-separated list (a .cfg file gives one string); may be null
     */
    public static List<String> protocols(String[] setting) {
        List<String> chosen = items(setting).filter(PROTOCOLS::contains).toList();
        return chosen.isEmpty() ? PROTOCOLS : chosen;
    }

    /**
     * The cipher suites a setting asks for that the platform supports, in its order; {@link #CIPHER_SUITES}
     * (those supported) when it names none that are. An admin may name older suites: that is a choice for
     * old clients, made on purpose.
     *
     * @param setting   as for {@link #protocols}
     * @param supported what the SSL context can do
     */
    public static List<String> cipherSuites(String[] setting, String[] supported) {
        Set<String> available = new HashSet<>(Arrays.asList(supported));
        List<String> chosen = items(setting).filter(available::contains).toList();
        return chosen.isEmpty() ? CIPHER_SUITES.stream().filter(available::contains).toList() : chosen;
    }

    private static Stream<String> items(String[] setting) {
        return setting == null ? Stream.empty()
                : Arrays.stream(setting).flatMap(s -> Arrays.stream(s.split("[,\\s]+")))
                        .filter(s -> !s.isEmpty()).distinct();
    }
}
