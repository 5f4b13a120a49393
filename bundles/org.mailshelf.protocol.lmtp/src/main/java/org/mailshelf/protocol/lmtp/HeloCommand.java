package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/** HELO and EHLO: RFC 2033 4.1 has LMTP use LHLO instead, so a client sending these has the wrong port. */
record HeloCommand() implements LmtpCommand<CommandState> {

    static HeloCommand parse(String arguments) {
        return new HeloCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.of(500, "5.5.1 This is LMTP: use LHLO"), state);
    }
}
