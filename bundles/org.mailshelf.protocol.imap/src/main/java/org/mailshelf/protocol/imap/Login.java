package org.mailshelf.protocol.imap;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.protocol.imap.SessionState.Authenticated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where LOGIN and AUTHENTICATE end: check the credentials and enter the authenticated state. */
final class Login {
    private static final Logger LOG = LoggerFactory.getLogger(Login.class);

    private Login() {
    }

    /** Refuses a login that would send the password in the clear where that is not allowed. */
    static void requirePrivacy(ImapSession session) {
        if (!session.loginAllowed()) {
            throw ImapFailure.no("PRIVACYREQUIRED", "Passwords are not accepted before STARTTLS");
        }
    }

    /** Logs in or answers why not (a failure after the configured delay). Clears {@code password}. */
    static void attempt(ImapSession session, String tag, String login, char[] password) {
        if (!session.loginAllowed()) {
            Arrays.fill(password, '\0');
            requirePrivacy(session);
        }
        LoginPenalties failed = session.services().failedLogins();
        InetAddress from = session.remoteAddress();
        if (failed.lockedOut(from)) {
            Arrays.fill(password, '\0');
            LOG.warn("IMAP: refused a login from {}: too many failed logins", from);
            throw ImapFailure.no("UNAVAILABLE", "Too many failed logins from your address, try again later");
        }
        Optional<String> account;
        try {
            account = session.services().authenticator().authenticate(login, password);
        } catch (RuntimeException e) {
            throw ImapFailure.no("UNAVAILABLE", "Authentication is not available, try again later");
        } finally {
            Arrays.fill(password, '\0');
        }
        if (account.isEmpty()) {
            session.loginFailed(tag, failed.failed(from, login));
            return;
        }
        failed.succeeded(from, login);
        ensureInbox(session, account.get());
        session.become(new Authenticated(account.get()));
        session.ok(tag, Capabilities.line(session), "Logged in");
    }

    /** INBOX always exists (RFC 3501 section 5.1): made on first login. */
    private static void ensureInbox(ImapSession session, String account) {
        MailStore store = session.services().store();
        if (store.mailbox(account, MailboxInfo.INBOX).isEmpty()) {
            try {
                store.createMailbox(account, MailboxInfo.INBOX);
            } catch (MailboxExistsException e) {
                // made concurrently: fine
            }
        }
    }

    /** UTF-8 to chars without passing through a String, so every copy can be cleared; clears {@code bytes}. */
    static char[] chars(byte[] bytes, int from) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, from, bytes.length - from));
        char[] password = new char[decoded.remaining()];
        decoded.get(password);
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return password;
    }
}
