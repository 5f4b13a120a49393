package org.mailshelf.protocol.imap;

import java.util.Objects;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.ProtocolHandlerFactory;
import org.mailshelf.protocol.imap.search.SearchIndexes;

/** IMAP4rev1 (RFC 3501) with the extensions listed in {@link Capabilities}: one session per connection. */
public final class ImapProtocol implements ProtocolHandlerFactory {

    private final ImapServices services;

    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator) {
        this(config, store, authenticator, SearchIndexes.defaults());
    }

    /** With the search indexes of this listener: shared by its sessions, and kept across reconfigurations. */
    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator,
            SearchIndexes searchIndexes) {
        this.services = new ImapServices(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(authenticator, "authenticator"),
                Objects.requireNonNull(searchIndexes, "searchIndexes"));
    }

    @Override
    public ProtocolHandler create(Connection connection) {
        return new ImapSession(connection, services);
    }
}
