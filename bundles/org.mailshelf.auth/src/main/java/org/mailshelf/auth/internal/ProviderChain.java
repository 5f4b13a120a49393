package org.mailshelf.auth.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.AuthResult;
import org.mailshelf.api.auth.AuthUnavailableException;
import org.mailshelf.api.auth.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication logic without OSGi: normalises the login, then asks the providers in order. The first
 * SUCCESS or FAILURE decides; UNKNOWN_USER passes to the next provider. A provider that cannot answer (its
 * directory is down) makes a login fail temporarily, as Dovecot does, rather than letting a lower provider
 * answer with another password; a recipient it cannot look up is temporarily refused unless another provider
 * knows it, so an MTA keeps the mail instead of bouncing it. A provider whose bundle just left is skipped.
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
        RuntimeException unanswered = null;
        for (AuthProvider provider : providers.get()) {
            try {
                if (provider.exists(name.get())) {
                    return name;
                }
            } catch (LinkageError e) {
                log.warn("Auth provider {} is gone; asking the next one", provider.getClass().getName(), e);
            } catch (RuntimeException e) {
                log.warn("Auth provider {} cannot look up {} now: {}", provider.getClass().getName(), name.get(),
                        e.toString());
                unanswered = e;
            }
        }
        if (unanswered != null) {
            throw new AuthUnavailableException("Recipient lookup is temporarily unavailable", unanswered);
        }
        return Optional.empty();
    }

    /** One provider's verdict; one whose bundle just left removes itself from the vote. */
    private AuthResult ask(AuthProvider provider, String name, char[] password) {
        // each provider gets its own copy: one that clears or changes the array must not spoil the next
        char[] copy = password.clone();
        try {
            AuthResult result = provider.authenticate(name, copy);
            return result != null ? result : AuthResult.unknownUser();
        } catch (LinkageError e) {
            log.warn("Auth provider {} is gone; asking the next one", provider.getClass().getName(), e);
            return AuthResult.unknownUser();
        } catch (RuntimeException e) {
            log.warn("Auth provider {} cannot check user {} now: {}", provider.getClass().getName(), name,
                    e.toString());
            throw new AuthUnavailableException("Authentication is temporarily unavailable", e);
        } finally {
            Arrays.fill(copy, '\0');
        }
    }
}
