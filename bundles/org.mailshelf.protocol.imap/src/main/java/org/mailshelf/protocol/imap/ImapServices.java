package org.mailshelf.protocol.imap;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.protocol.imap.search.SearchIndexes;

/** What every session of one listener shares. */
record ImapServices(ImapConfig config, MailStore store, Authenticator authenticator, SearchIndexes searchIndexes,
        LoginPenalties failedLogins) {
}
