package org.mailshelf.api.auth;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The one place protocols ask: it consults every registered {@link AuthProvider} by ranking. */
@ProviderType
public interface Authenticator {

    /**
     * @param login a user name or an address {@code name@domain} in a configured domain
     * @return the canonical account name, or empty when the login fails for any reason
     */
    Optional<String> authenticate(String login, char[] password);

    /**
     * Resolves a recipient address or user name to the account that receives its mail.
     *
     * @return empty when no provider knows the account or the domain is not ours
     */
    Optional<String> resolveRecipient(String address);
}
