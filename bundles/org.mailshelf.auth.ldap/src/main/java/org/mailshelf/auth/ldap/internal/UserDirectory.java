package org.mailshelf.auth.ldap.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.auth.AuthResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

/**
 * Search, then bind: finds the user's entry as the service account, then checks the password by binding as that
 * entry. One configuration's worth; replaced whole when the configuration changes.
 */
final class UserDirectory implements AutoCloseable {

    /** Longer logins are no one's: not worth a search. */
    private static final int MAX_LOGIN_CHARS = 256;

    private final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private final DirectorySettings settings;
    private final DirectoryConnections connections;

    UserDirectory(DirectorySettings settings) {
        this.settings = settings;
        this.connections = new DirectoryConnections(settings);
    }

    /** @throws DirectoryUnavailableException when the directory gives no answer about this user */
    AuthResult authenticate(String user, char[] password) {
        // RFC 4513 5.1.2: a simple bind with a DN and an empty password is an anonymous bind, which succeeds
        if (password == null || password.length == 0) {
            return AuthResult.failure();
        }
        if (!isPlausible(user)) {
            return AuthResult.unknownUser();
        }
        Matches matches = find(user);
        if (matches.none()) {
            return AuthResult.unknownUser();
        }
        if (matches.ambiguous()) {
            log.warn("Login {} matches several entries under {} with {}; refusing it", user, settings.baseDn(),
                    settings.userFilter());
            return AuthResult.failure();
        }
        SearchResultEntry entry = matches.unique();
        Optional<String> account = AccountNames.of(entry, settings.accountAttribute(), user);
        if (account.isEmpty()) {
            log.warn("LDAP entry {} has no {} usable as an account name (1 to 64 of a-z 0-9 . _ -); refusing "
                    + "the login", entry.getDN(), settings.accountAttribute());
            return AuthResult.failure();
        }
        return passwordMatches(entry.getDN(), password) ? AuthResult.success(account.get()) : AuthResult.failure();
    }

    /** @throws DirectoryUnavailableException when the directory gives no answer about this user */
    boolean exists(String user) {
        if (!isPlausible(user)) {
            return false;
        }
        Matches matches = find(user);
        if (matches.ambiguous()) {
            log.warn("Name {} matches several entries under {}; no mail for it", user, settings.baseDn());
            return false;
        }
        return !matches.none();
    }

    @Override
    public void close() {
        connections.close();
    }

    private static boolean isPlausible(String user) {
        return user != null && !user.isEmpty() && user.length() <= MAX_LOGIN_CHARS;
    }

    /** Two entries are enough to know the login is ambiguous: the size limit keeps a broad filter cheap. */
    private Matches find(String user) {
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
                settings.userFilter().forUser(user), settings.accountAttribute());
        request.setSizeLimit(2);
        try {
            return new Matches(connections.search(request).getSearchEntries(), false);
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return new Matches(e.getSearchEntries(), true);
            }
            throw unavailable("search for " + user, e);
        }
    }

    private boolean passwordMatches(String dn, char[] password) {
        byte[] bytes = Passwords.utf8(password);
        try {
            connections.bind(dn, bytes);
            return true;
        } catch (LDAPException e) {
            ResultCode code = e.getResultCode();
            if (code == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            if (isOutage(code)) {
                throw unavailable("bind as " + dn, e);
            }
            // the server answered and said no (account locked, password expired, ...): a verdict on this user
            log.info("LDAP refused the bind as {}: {} {}", dn, code, e.getDiagnosticMessage());
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** No verdict on the user: the directory or the way to it failed. */
    private static boolean isOutage(ResultCode code) {
        return code.isClientSideResultCode() || !code.isConnectionUsable();
    }

    private DirectoryUnavailableException unavailable(String what, LDAPException e) {
        return new DirectoryUnavailableException("LDAP " + settings.urls() + " could not answer the " + what
                + ": " + e.getResultCode() + " " + e.getMessage(), e);
    }

    /** What a search found: nothing, one entry, or more (ambiguous). */
    private record Matches(List<SearchResultEntry> entries, boolean sizeLimitExceeded) {

        boolean none() {
            return entries.isEmpty() && !sizeLimitExceeded;
        }

        boolean ambiguous() {
            return sizeLimitExceeded || entries.size() > 1;
        }

        SearchResultEntry unique() {
            return entries.get(0);
        }
    }
}
