package org.mailshelf.protocol.lmtp;

import org.mailshelf.api.auth.Authenticator;
import org.mailshelf.protocol.Connection;

/**
 * What commands may consult besides the session state: the listener's settings, who receives mail, and how the
 * connection is protected. One per session. Commands answer through their {@link LmtpCommand.Outcome}, never by
 * writing to the connection themselves.
 */
record LmtpContext(LmtpConfig config, Authenticator authenticator, Connection connection) {

    /** Whether STARTTLS is offered: the listener has a certificate and TLS is not on yet. */
    boolean tlsAvailable() {
        return connection.canStartTls();
    }

    boolean tlsActive() {
        return connection.isSecure();
    }

    /** Whether MAIL must wait for STARTTLS: the listener requires TLS and the connection is not private. */
    boolean tlsMissing() {
        return config.tlsRequired() && !connection.isPrivate();
    }
}
