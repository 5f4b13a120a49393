package org.mailshelf.protocol.lmtp;

import java.nio.charset.StandardCharsets;

import java.util.Objects;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.Connection;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.ProtocolHandlerFactory;

/** LMTP for one listener: makes a session per accepted connection, all sharing the store and authenticator. */
public final class LmtpProtocol implements ProtocolHandlerFactory {

    private final LmtpConfig config;
    private final Authenticator authenticator;
    private final Delivery delivery;

    public LmtpProtocol(LmtpConfig config, MailStore store, Authenticator authenticator) {
        this.config = Objects.requireNonNull(config, "config");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.delivery = new Delivery(Objects.requireNonNull(store, "store"));
    }

    @Override
    public ProtocolHandler create(Connection connection) {
        return new LmtpSession(new LmtpContext(config, authenticator, Objects.requireNonNull(connection, "connection")),
                delivery);
    }

    @Override
    public byte[] refusal(String reason) {
        return ("421 4.3.2 " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
