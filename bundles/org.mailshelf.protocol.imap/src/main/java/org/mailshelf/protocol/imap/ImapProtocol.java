package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.Objects;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.auth.LoginPenalties;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.FailedLogins;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.ProtocolHandlerFactory;
import org.mailshelf.protocol.imap.search.SearchIndexes;

/** IMAP4rev1 (RFC 3501) with the extensions listed in {@link Capabilities}: one session per connection. */
public final class ImapProtocol implements ProtocolHandlerFactory {

    private final ImapServices services;

    /** With search indexes and a record of failed logins of its own (2 s first delay). */
    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator) {
        this(config, store, authenticator, SearchIndexes.defaults(), FailedLogins.defaults(Duration.ofSeconds(2)));
    }

    /**
     * With what the sessions share: the listener's search indexes, kept across reconfigurations, and the record
     * of failed logins, shared with the other listeners.
     */
    public ImapProtocol(ImapConfig config, MailStore store, Authenticator authenticator,
            SearchIndexes searchIndexes, LoginPenalties failedLogins) {
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
