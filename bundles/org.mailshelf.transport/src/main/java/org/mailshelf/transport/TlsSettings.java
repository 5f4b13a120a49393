package org.mailshelf.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

/**
 * How a listener speaks TLS.
 *
 * @param mode      TLS from the first byte (IMAPS, POP3S) or on request (STARTTLS, STLS)
 * @param context   the current server context, asked for at each handshake so a new certificate takes effect
 *                  at once; null while no certificate is available (then TLS is refused, not faked)
 * @param protocols the protocol versions offered, e.g. TLSv1.3 and TLSv1.2
 */
public record TlsSettings(Mode mode, Supplier<SSLContext> context, List<String> protocols) {

    public enum Mode {
        IMPLICIT, STARTTLS
    }

    /** The versions a listener may offer: TLS 1.0 and 1.1 are broken and never offered. */
    public static final List<String> SUPPORTED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsSettings {
        protocols = List.copyOf(protocols);
    }

    /**
     * From a listener's configuration.
     *
     * @param mode      "starttls", "implicit" or "none" (case-insensitive)
     * @param protocols wanted versions, each may be a comma-separated list (a .cfg file gives one string); those
     *                  not in {@link #SUPPORTED_PROTOCOLS} are left out, and none left means all supported ones
     * @return the settings, or null for "none"
     * @throws IllegalArgumentException for another mode
     */
    public static TlsSettings of(String mode, String[] protocols, Supplier<SSLContext> context) {
        Mode m = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> null;
            case "starttls" -> Mode.STARTTLS;
            case "implicit" -> Mode.IMPLICIT;
            default -> throw new IllegalArgumentException("tls must be none, starttls or implicit, not " + mode);
        };
        if (m == null) {
            return null;
        }
        List<String> wanted = protocols == null ? List.of()
                : Arrays.stream(protocols).flatMap(p -> Arrays.stream(p.split("[,\\s]+")))
                        .filter(SUPPORTED_PROTOCOLS::contains).distinct().toList();
        return new TlsSettings(m, context, wanted.isEmpty() ? SUPPORTED_PROTOCOLS : wanted);
    }
}
