package org.mailshelf.transport;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.mailshelf.api.tls.TlsPolicy;

/**
 * How a listener speaks TLS.
 *
 * @param mode         TLS from the first byte (IMAPS, POP3S) or on request (STARTTLS, STLS)
 * @param context      the current server context, asked for at each handshake so a new certificate takes effect
 *                     at once; null while no certificate is available (then TLS is refused, not faked)
 * @param protocols    the protocol versions offered, e.g. TLSv1.3 and TLSv1.2
 * @param cipherSuites the suites the configuration asks for; empty for {@link TlsPolicy#CIPHER_SUITES}
 */
public record TlsSettings(Mode mode, Supplier<SSLContext> context, List<String> protocols, String[] cipherSuites) {

    public enum Mode {
        IMPLICIT, STARTTLS
    }

    public TlsSettings {
        protocols = List.copyOf(protocols);
        cipherSuites = cipherSuites == null ? new String[0] : cipherSuites.clone();
    }

    /**
     * From a listener's configuration.
     *
     * @param mode         "starttls", "implicit" or "none" (case-insensitive)
     * @param protocols    wanted versions, see {@link TlsPolicy#protocols}
     * @param cipherSuites wanted suites, see {@link TlsPolicy#cipherSuites}
     * @return the settings, or null for "none"
     * @throws IllegalArgumentException for another mode
     */
    public static TlsSettings of(String mode, String[] protocols, String[] cipherSuites,
            Supplier<SSLContext> context) {
        Mode m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "starttls" -> Mode.STARTTLS;
            case "implicit" -> Mode.IMPLICIT;
            default -> throw new IllegalArgumentException("tls must be none, starttls or implicit, not " + mode);
        };
        return m == null ? null : new TlsSettings(m, context, TlsPolicy.protocols(protocols), cipherSuites);
    }

    /** The suites to enable on a handshake with {@code context}: the wanted ones it supports, or the modern set. */
    List<String> enabledSuites(SSLContext context) {
        return TlsPolicy.cipherSuites(cipherSuites, context.getSupportedSSLParameters().getCipherSuites());
    }
}
