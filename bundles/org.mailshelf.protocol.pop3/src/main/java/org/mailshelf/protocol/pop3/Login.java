package org.mailshelf.protocol.pop3;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

import org.mailshelf.protocol.pop3.SessionState.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where USER/PASS and AUTH end: check the credentials, lock the maildrop, open it (RFC 1939 §4, §7). */
final class Login {
    private static final Logger LOG = LoggerFactory.getLogger(Login.class);

    private Login() {
    }

    /** Logs in or answers why not. Clears {@code password}. */
    static void attempt(Pop3Session session, String login, char[] password) {
        Pop3Services services = session.services();
        InetAddress from = session.remoteAddress();
        if (services.failedLogins().lockedOut(from)) {
            Arrays.fill(password, '\0');
            LOG.warn("POP3: refused a login from {}: too many failed logins", from);
            session.reply(Reply.err("[SYS/TEMP] Too many failed logins from your address, try again later"));
            return;
        }
        Optional<String> account;
        try {
            account = services.authenticator().authenticate(login, password);
        } catch (RuntimeException e) {
            session.reply(Reply.err("[SYS/TEMP] Authentication is not available"));
            return;
        } finally {
            Arrays.fill(password, '\0');
        }
        if (account.isEmpty()) {
            session.loginFailed(services.failedLogins().failed(from, login));
            return;
        }
        services.failedLogins().succeeded(from, login);
        String name = account.get();
        if (!services.locks().tryLock(name)) {
            session.reply(Reply.err("[IN-USE] Mailbox is locked by another POP3 session"));
            return;
        }
        Maildrop maildrop;
        try {
            maildrop = Maildrop.open(services.store(), name);
        } catch (RuntimeException e) {
            services.locks().unlock(name);
            session.reply(Reply.err("[SYS/TEMP] Cannot open the mailbox, try again later"));
            return;
        }
        session.become(new Transaction(maildrop));
        session.reply(Reply.ok("Logged in, " + maildrop.count() + " messages"));
    }
}
