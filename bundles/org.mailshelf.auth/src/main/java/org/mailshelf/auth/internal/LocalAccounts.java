package org.mailshelf.auth.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.AuthProvider;
import org.mailshelf.api.auth.AuthResult;
import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.CredentialStore;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default provider: accounts and bcrypt hashes in the store's {@link CredentialStore}, each account with a
 * mailbox tree in the {@link MailStore}. Which store is chosen by the {@code credentials.target} and
 * {@code mailStore.target} filters.
 */
@Component(name = LocalAccounts.PID, configurationPid = LocalAccounts.PID,
        service = {AuthProvider.class, UserAdmin.class},
        property = {"service.ranking:Integer=0", "auth.provider=local"})
@Designate(ocd = LocalAccountsConfig.class)
public class LocalAccounts implements AuthProvider, UserAdmin {

    static final String PID = "org.mailshelf.auth.local";

    /**
     * What every new account gets, subscribed: INBOX and the folders mail clients look for, which IMAP marks
     * with their special use (RFC 6154: {@code \Drafts}, {@code \Sent}, ...) by these names. Subscribed because
     * several clients (Thunderbird by default) show only subscribed folders.
     */
    static final List<String> MAILBOXES = List.of(MailboxInfo.INBOX, "Drafts", "Sent", "Trash", "Junk",
            "Archive");

    private final Logger log = LoggerFactory.getLogger(LocalAccounts.class);
    private final CredentialStore credentials;
    private final MailStore mailStore;
    private final SecureRandom random = new SecureRandom();
    private volatile Settings settings;

    /** What configuration changes; swapped whole so a login sees one consistent pair. */
    private record Settings(BcryptHasher hasher, VerifiedCache cache) {
    }

    @Activate
    public LocalAccounts(@Reference(name = "credentials") CredentialStore credentials,
            @Reference(name = "mailStore") MailStore mailStore, LocalAccountsConfig config) {
        this.credentials = credentials;
        this.mailStore = mailStore;
        this.settings = settings(config);
    }

    /** For tests: a given hasher and cache. */
    LocalAccounts(CredentialStore credentials, MailStore mailStore, BcryptHasher hasher, VerifiedCache cache) {
        this.credentials = credentials;
        this.mailStore = mailStore;
        this.settings = new Settings(hasher, cache);
    }

    /** Applied in place: reactivating would unregister the provider and fail logins meanwhile. */
    @Modified
    void modified(LocalAccountsConfig config) {
        settings = settings(config);
    }

    private Settings settings(LocalAccountsConfig config) {
        int cost = config.bcrypt_cost();
        int bounded = Math.max(BcryptHasher.MIN_COST, Math.min(BcryptHasher.MAX_COST, cost));
        if (bounded != cost) {
            log.warn("bcrypt cost {} is out of range, using {}", cost, bounded);
        }
        Duration ttl = Duration.ofSeconds(config.cache_ttl_seconds());
        return new Settings(new BcryptHasher(bounded, random), new VerifiedCache(ttl, System::nanoTime, random));
    }

    // --- AuthProvider

    @Override
    public AuthResult authenticate(String user, char[] password) {
        Optional<String> stored = AccountRules.isValidName(user) ? credentials.passwordHash(user) : Optional.empty();
        if (stored.isEmpty()) {
            return AuthResult.unknownUser();
        }
        if (password == null || password.length == 0 || password.length > AccountRules.MAX_PASSWORD_CHARS) {
            return AuthResult.failure();
        }
        String hash = stored.get();
        Settings s = settings;
        if (s.cache().isVerified(user, hash, password)) {
            return AuthResult.success(user);
        }
        boolean matches;
        try {
            matches = s.hasher().matches(hash, password);
        } catch (RuntimeException e) {
            log.warn("The stored password hash of {} is not a bcrypt hash; refusing the login", user);
            return AuthResult.failure();
        }
        if (!matches) {
            return AuthResult.failure();
        }
        s.cache().remember(user, hash, password);
        return AuthResult.success(user);
    }

    @Override
    public boolean exists(String name) {
        return AccountRules.isValidName(name) && credentials.passwordHash(name).isPresent();
    }

    // --- UserAdmin

    @Override
    public List<String> list() {
        return credentials.users();
    }

    @Override
    public void create(String name, char[] password) {
        AccountRules.checkName(name);
        AccountRules.checkPassword(password);
        if (credentials.passwordHash(name).isPresent()) { // spare the bcrypt work
            throw new IllegalStateException("Account exists: " + name);
        }
        if (!credentials.createUser(name, settings.hasher().hash(password))) {
            throw new IllegalStateException("Account exists: " + name);
        }
        try {
            for (String mailbox : MAILBOXES) {
                createMailbox(name, mailbox);
            }
        } catch (RuntimeException e) {
            credentials.deleteUser(name); // no account without its mailboxes
            throw e;
        }
        log.info("Created account {}", name);
    }

    private void createMailbox(String user, String mailbox) {
        try {
            mailStore.createMailbox(user, mailbox);
        } catch (MailboxExistsException e) {
            // left from an earlier account of that name or made by delivery: keep it
        }
        mailStore.subscribe(user, mailbox);
    }

    @Override
    public boolean delete(String name) {
        if (!AccountRules.isValidName(name)) {
            return false;
        }
        boolean deleted = credentials.deleteUser(name);
        settings.cache().forget(name);
        // only when the account was ours: mailboxes of a user another provider knows are not ours to drop
        if (deleted) {
            mailStore.deleteAllMailboxes(name);
            log.info("Deleted account {} and its mailboxes", name);
        }
        return deleted;
    }

    @Override
    public boolean changePassword(String name, char[] password) {
        AccountRules.checkPassword(password);
        if (!exists(name)) {
            return false;
        }
        boolean changed = credentials.setPasswordHash(name, settings.hasher().hash(password));
        // the cache is bound to the old hash already; forgetting also frees the entry at once
        settings.cache().forget(name);
        if (changed) {
            log.info("Changed the password of {}", name);
        }
        return changed;
    }
}
