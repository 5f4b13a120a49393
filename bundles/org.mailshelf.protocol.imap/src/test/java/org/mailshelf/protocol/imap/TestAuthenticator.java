package org.mailshelf.protocol.imap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.mailshelf.api.auth.Authenticator;

/** Accounts from a map; logins are case-insensitive and canonicalised to lower case. */
class TestAuthenticator implements Authenticator {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** The last password array handed in, to check that the caller clears it. */
    char[] lastPassword;

    TestAuthenticator add(String user, String password) {
        passwords.put(user, password);
        return this;
    }

    @Override
    public Optional<String> authenticate(String login, char[] password) {
        lastPassword = password;
        String account = login.toLowerCase(Locale.ROOT);
        String expected = passwords.get(account);
        return expected != null && Arrays.equals(expected.toCharArray(), password) ? Optional.of(account)
                : Optional.empty();
    }

    @Override
    public Optional<String> resolveRecipient(String address) {
        return passwords.containsKey(address) ? Optional.of(address) : Optional.empty();
    }
}
