package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/**
 * A parsed, immutable command. It runs only in states of type {@code S}; {@link CommandTable} checks that
 * before calling it, so a command never sees a state it is not valid in.
 */
interface LmtpCommand<S extends CommandState> {

    Outcome execute(S state, LmtpContext context);

    /** What a command leaves behind: the reply to send and the state to go on in. */
    record Outcome(Reply reply, SessionState next) {
    }
}
