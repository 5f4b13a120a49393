package org.mailshelf.admin.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names the appliance answers to. A page that rebinds its own DNS name to this machine still sends its own
 * name as {@code Host}, so refusing unknown names leaves it nothing. IP literals are compared as addresses (so
 * {@code [::1]} and {@code 0:0:0:0:0:0:0:1} are one); the address a request arrived on is always allowed, since no
 * foreign page can have that address as its origin.
 */
final class AllowedHosts {

    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private final Set<String> names;

    private AllowedHosts(Set<String> names) {
        this.names = names;
    }

    /** @param names DNS names, wildcards such as {@code *.example.com}, or IP literals; case does not matter */
    static AllowedHosts of(Collection<String> names) {
        return new AllowedHosts(names.stream().map(String::trim).filter(n -> !n.isEmpty())
                .map(AllowedHosts::canonical).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * @param hostHeader the request's Host header (name and optional port); null for an HTTP/1.0 request without
     *                   one, which no browser sends and is taken as the arrival address
     * @param localAddr  the address the request arrived on
     */
    boolean allows(String hostHeader, String localAddr) {
        if (hostHeader == null) {
            return true;
        }
        String host = hostName(hostHeader);
        if (host == null) {
            return false;
        }
        String canonical = canonical(host);
        if (LOOPBACK.contains(canonical) || names.contains(canonical)
                || (localAddr != null && canonical.equals(canonical(localAddr)))) {
            return true;
        }
        int dot = canonical.indexOf('.');
        return dot > 0 && !isIpLiteral(canonical) && names.contains("*" + canonical.substring(dot));
    }

    /** The host part of a Host header or an origin's authority: brackets removed, port dropped; null if bad. */
    static String hostName(String authority) {
        String a = authority.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            if (end < 0 || !(a.length() == end + 1 || a.charAt(end + 1) == ':')) {
                return null;
            }
            return a.substring(1, end);
        }
        int colon = a.indexOf(':');
        String host = colon < 0 ? a : a.substring(0, colon);
        return host.isEmpty() || a.indexOf(':', colon + 1) > 0 && colon >= 0 ? null : host;
    }

    /** Lower case, and IP literals in one form: a name never goes to DNS here. */
    static String canonical(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // "localhost." is localhost
        }
        if (isIpLiteral(h)) {
            try {
                return InetAddress.getByName(h).getHostAddress().replaceFirst("^0:0:0:0:0:0:0:1$", "::1");
            } catch (UnknownHostException notAnAddress) {
                return h; // e.g. 999.1.1.1: matches nothing configured, which is the right answer
            }
        }
        return h;
    }

    private static boolean isIpLiteral(String h) {
        return h.contains(":") || h.matches("[0-9.]+");
    }
}
