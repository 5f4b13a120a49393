package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import java.util.Objects;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.FailedLogins;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.ProtocolHandlerFactory;
import org.mailshelf.protocol.imap.search.SearchIndexes;

/** IMAP4rev1 (RFC 3501) with the extensions listed in {@link Capabilities}: one session per connection. */
public final class ImapProtocol implements ProtocolHandlerFactory {

    private final ImapServices services;

    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator) {
        this(config, store, authenticator, SearchIndexes.defaults(), FailedLogins.defaults(config.failedLoginDelay()));
    }

    /**
     * With what the sessions of this listener share and keep across reconfigurations: the search indexes and
     * the record of failed logins.
     */
    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator,
            SearchIndexes searchIndexes, FailedLogins failedLogins) {
        this.services = new ImapServices(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(store, "store"), Objects.requireNonNull(authenticator, "authenticator"),
                Objects.requireNonNull(searchIndexes, "searchIndexes"), Objects.requireNonNull(failedLogins,
                        "failedLogins"));
    }

    @Override
    public ProtocolHandler create(Connection connection) {
        return new ImapSession(connection, services);
    }

    @Override
    public byte[] refusal(String reason) {
        return ("* BYE [UNAVAILABLE] " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
