package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/** NOOP [string]: RFC 5321 4.1.1.9 says a parameter is ignored. */
record NoopCommand() implements LmtpCommand<CommandState> {

    static NoopCommand parse(String arguments) {
        return new NoopCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.OK, state);
    }
}
