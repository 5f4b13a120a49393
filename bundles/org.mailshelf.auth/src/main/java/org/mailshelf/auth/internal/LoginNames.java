package org.mailshelf.auth.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a client typed (a login or a recipient address) into the account name providers know: trimmed,
 * domain checked and removed, lower-cased. Immutable.
 */
final class LoginNames {

    private final Set<String> domains;
    private final boolean acceptAnyDomain;

    LoginNames(Collection<String> domains, boolean acceptAnyDomain) {
        this.domains = domains.stream()
                .filter(d -> d != null && !d.isBlank())
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.acceptAnyDomain = acceptAnyDomain;
    }

    /** A login: {@code name} or {@code name@domain} with the domain one of ours. */
    Optional<String> fromLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String s = login.trim();
        // "a@b@c": only the last '@' separates the domain
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            if (!isOurDomain(s.substring(at + 1))) {
                return Optional.empty();
            }
            s = s.substring(0, at);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(s.toLowerCase(Locale.ROOT));
    }

    /** A recipient as LMTP gives it: angle brackets and an RFC 5321 source route are dropped. */
    Optional<String> fromAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String s = address.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        // "<@relay1,@relay2:user@domain>": RFC 5321 4.1.2 says to accept the route and ignore it
        if (s.startsWith("@") && s.indexOf(':') > 0) {
            s = s.substring(s.indexOf(':') + 1);
        }
        return fromLogin(s);
    }

    private boolean isOurDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return !d.isEmpty() && (acceptAnyDomain || domains.contains(d));
    }
}
