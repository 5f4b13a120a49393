package org.mailshelf.admin.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a state-changing request comes from, and whether that is the console itself. A browser names the page
 * that sent a request in {@code Origin} (on every cross-site request, and on same-site POSTs in every current
 * browser) or at least in {@code Referer}; a script sends neither.
 */
final class RequestOrigin {

    /** What became of a request. */
    record Verdict(boolean allowed, String origin) {
    }

    private RequestOrigin() {
    }

    static boolean changesState(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /**
     * @param scheme       the request's scheme as the server received it
     * @param hostHeader   the request's Host header (checked before)
     * @param origin       the Origin header or null
     * @param referer      the Referer header or null
     * @param mayOmit      whether a request that names no origin at all is let through: a script's
     * @param allowed      origins the admin allows besides the console's own (a reverse proxy's)
     */
    static Verdict check(String scheme, String hostHeader, String origin, String referer, boolean mayOmit,
            Set<String> allowed) {
        String claimed = origin != null ? origin.trim() : referer != null ? originOf(referer) : null;
        if (claimed == null) {
            return new Verdict(mayOmit && origin == null && referer == null, origin == null ? "none" : origin);
        }
        String normalized = normalize(claimed);
        boolean own = normalized != null && hostHeader != null
                && normalized.equals(normalize(scheme + "://" + hostHeader.trim()));
        return new Verdict(own || normalized != null && allowed.contains(normalized), claimed);
    }

    /** An allowed origin as the admin wrote it, in the form {@link #check} compares; null if it is none. */
    static String normalize(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
                return null; // "null" (a sandboxed or data: page) ends up here too
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int defaultPort = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
            String h = AllowedHosts.canonical(host);
            return scheme + "://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String originOf(String referer) {
        try {
            URI uri = new URI(referer.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "malformed referer";
            }
            return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "");
        } catch (URISyntaxException e) {
            return "malformed referer";
        }
    }
}
