package org.mailshelf.protocol.pop3;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.auth.LoginPenalties;

/** What every session of one listener shares. */
record Pop3Services(Pop3Config config, MailStore store, Authenticator authenticator, MaildropLocks locks,
        LoginPenalties failedLogins) {
}
