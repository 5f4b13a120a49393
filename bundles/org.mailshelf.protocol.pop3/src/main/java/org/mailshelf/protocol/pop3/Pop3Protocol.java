package org.mailshelf.protocol.pop3;

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

/** POP3 (RFC 1939 with RFC 2449 CAPA, RFC 5034 AUTH PLAIN, RFC 3206 response codes): one session per connection. */
public final class Pop3Protocol implements ProtocolHandlerFactory {

    private final Pop3Services services;

    /** With a record of failed logins of its own (2 s first delay). */
    public Pop3Protocol(Pop3Config config, MailStore store, Authenticator authenticator, MaildropLocks locks) {
        this(config, store, authenticator, locks, FailedLogins.defaults(Duration.ofSeconds(2)));
    }

    /** With the record of failed logins the listeners share. */
    public Pop3Protocol(Pop3Config config, MailStore store, Authenticator authenticator, MaildropLocks locks,
            LoginPenalties failedLogins) {
        this.services = new Pop3Services(Objects.requireNonNull(config, "config"), Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(authenticator, "authenticator"), Objects.requireNonNull(locks, "locks"),
                Objects.requireNonNull(failedLogins, "failedLogins"));
    }

    @Override
    public ProtocolHandler create(Connection connection) {
        return new Pop3Session(connection, services);
    }

    @Override
    public byte[] refusal(String reason) {
        return ("-ERR [SYS/TEMP] " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
