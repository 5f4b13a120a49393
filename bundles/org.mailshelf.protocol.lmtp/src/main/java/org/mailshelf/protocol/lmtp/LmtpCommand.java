package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/**
 * A parsed, immutable command. It runs only in states of type {@code S}; {@link CommandTable} checks that
 * before calling it, so a command never sees a state it is not valid in.
 */
interface LmtpCommand<S extends CommandState> {

    Outcome execute(S state, LmtpContext context);

    /**
     * What a command leaves behind.
     *
     * @param reply     the reply to send
     * @param next      the state to go on in
     * @param startsTls whether TLS begins once the reply is sent in the clear; {@code next} is then the state
     *                  the session has after the handshake
     */
    record Outcome(Reply reply, SessionState next, boolean startsTls) {

        Outcome(Reply reply, SessionState next) {
            this(reply, next, false);
        }

        /** The reply to STARTTLS; RFC 3207 4.2: after the handshake the session starts over, as just greeted. */
        static Outcome startTls(Reply reply) {
            return new Outcome(reply, new SessionState.Greeted(), true);
        }
    }
}
