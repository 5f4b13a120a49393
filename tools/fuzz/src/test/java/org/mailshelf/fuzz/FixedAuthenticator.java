package org.mailshelf.fuzz;

import java.util.Arrays;
import java.util.Optional;

import org.mailshelf.api.auth.Authenticator;

/** One account, {@code user} / {@code pass}; {@code user} and {@code user@example.com} receive mail. */
final class FixedAuthenticator implements Authenticator {

    static final String USER = "user";
    static final String PASSWORD = "pass";

    @Override
    public Optional<String> authenticate(String login, char[] password) {
        return USER.equals(login) && Arrays.equals(PASSWORD.toCharArray(), password) ? Optional.of(USER)
                : Optional.empty();
    }

    @Override
    public Optional<String> resolveRecipient(String address) {
        return address.equalsIgnoreCase(USER) || address.equalsIgnoreCase(USER + "@example.com")
                ? Optional.of(USER) : Optional.empty();
    }
}
