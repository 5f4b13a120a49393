package org.mailshelf.auth.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.AuthResult;
import org.mailshelf.api.auth.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication logic without OSGi: normalises the login, then asks the providers in order. The first
 * SUCCESS or FAILURE decides; UNKNOWN_USER passes to the next provider.
 */
final class ProviderChain implements Authenticator {

    private final Logger log = LoggerFactory.getLogger(ProviderChain.class);
    private final Supplier<List<AuthProvider>> providers;
    private volatile LoginNames names;

    ProviderChain(Supplier<List<AuthProvider>> providers, LoginNames names) {
        this.providers = providers;
        this.names = names;
    }

    void setNames(LoginNames names) {
        this.names = names;
    }

    @Override
    public Optional<String> authenticate(String login, char[] password) {
        if (password == null) {
            return Optional.empty();
        }
        Optional<String> name = names.fromLogin(login);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (AuthProvider provider : providers.get()) {
            AuthResult result = ask(provider, name.get(), password);
            switch (result.status()) {
                case SUCCESS:
                    // a provider may canonicalise the name; one that forgets to is taken at its word
                    return Optional.of(result.account() != null ? result.account() : name.get());
                case FAILURE:
                    return Optional.empty();
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> resolveRecipient(String address) {
        Optional<String> name = names.fromAddress(address);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        for (AuthProvider provider : providers.get()) {
            if (exists(provider, name.get())) {
                return name;
            }
        }
        return Optional.empty();
    }

    /** One provider's verdict; a broken one (or one whose bundle just left) only removes itself from the vote. */
    private AuthResult ask(AuthProvider provider, String name, char[] password) {
        // each provider gets its own copy: one that clears or changes the array must not spoil the next
        char[] copy = password.clone();
        try {
            AuthResult result = provider.authenticate(name, copy);
            return result != null ? result : AuthResult.unknownUser();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Auth provider {} failed for user {}; asking the next one", provider.getClass().getName(),
                    name, e);
            return AuthResult.unknownUser();
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    private boolean exists(AuthProvider provider, String name) {
        try {
            return provider.exists(name);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Auth provider {} failed to look up {}; asking the next one", provider.getClass().getName(),
                    name, e);
            return false;
        }
    }
}
