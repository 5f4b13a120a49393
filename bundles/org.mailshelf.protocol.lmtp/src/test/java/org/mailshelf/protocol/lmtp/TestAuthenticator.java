package org.mailshelf.protocol.lmtp;

import java.util.Optional;
import java.util.Set;

import org.mailshelf.api.auth.Authenticator;

/** Knows a fixed set of users; {@code user@example.com} is theirs too, other domains are not. */
final class TestAuthenticator implements Authenticator {

    private final Set<String> users;
    /** When set, resolving this address throws, as an unreachable directory would. */
    String failing;

    TestAuthenticator(String... users) {
        this.users = Set.of(users);
    }

    @Override
    public Optional<String> authenticate(String login, char[] password) {
        return Optional.empty();
    }

    @Override
    public Optional<String> resolveRecipient(String address) {
        if (address.equals(failing)) {
            throw new IllegalStateException("directory down");
        }
        String user = address.endsWith("@example.com") ? address.substring(0, address.indexOf('@')) : address;
        return users.contains(user) ? Optional.of(user) : Optional.empty();
    }
}
