package org.mailshelf.protocol.imap;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;

/** What every session of one listener shares. */
record ImapServices(ImapConfig config, MailStore store, Authenticator authenticator) {
}
