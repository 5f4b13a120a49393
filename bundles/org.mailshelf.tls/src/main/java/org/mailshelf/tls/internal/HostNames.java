package org.mailshelf.tls.internal;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Host names as configured, cleaned up for a certificate: DNS names in ASCII lower case, or IP literals. */
final class HostNames {

    /** What a client on the appliance itself uses; always in the generated certificate. */
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

    /** Letters, digits, hyphens (underscores seen in the wild), optionally under one leading wildcard label. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private static final Logger LOG = LoggerFactory.getLogger(HostNames.class);

    private HostNames() {
    }

    /** Cleaned names in their configured order without duplicates; invalid ones are logged and left out. */
    static List<String> clean(String[] configured) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : configured == null ? new String[0] : configured) {
            String cleaned = cleanOne(name);
            if (cleaned != null) {
                names.add(cleaned);
            } else if (name != null && !name.isBlank()) {
                LOG.warn("Ignoring host name '{}': neither a DNS name nor an IP address", name);
            }
        }
        if (names.isEmpty()) {
            names.add("localhost");
        }
        return List.copyOf(names);
    }

    /** The configured names followed by the loopback names, each once. */
    static List<String> withLoopback(List<String> hostNames) {
        Set<String> names = new LinkedHashSet<>(hostNames);
        names.addAll(LOOPBACK);
        return new ArrayList<>(names);
    }

    /** Checked with Bouncy Castle's parser, which never resolves anything (unlike InetAddress on a name). */
    static boolean isIpLiteral(String name) {
        return IPAddress.isValid(name);
    }

    /** The address bytes of an IP literal; InetAddress only parses a literal, it does no lookup. */
    static byte[] ipBytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + literal, e);
        }
    }

    private static String cleanOne(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.startsWith("[") && stripped.endsWith("]")) { // an IPv6 literal as written in URLs
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        if (isIpLiteral(stripped)) {
            return stripped.toLowerCase(Locale.ROOT);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(stripped).toLowerCase(Locale.ROOT); // certificates carry names in ASCII
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        return ascii.length() <= 253 && DNS_NAME.matcher(ascii).matches() ? ascii : null;
    }
}
