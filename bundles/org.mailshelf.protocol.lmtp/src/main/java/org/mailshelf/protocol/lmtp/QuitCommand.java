package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.Closed;
import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/** QUIT: says goodbye; the session closes the connection. Arguments are ignored: the client is leaving. */
record QuitCommand() implements LmtpCommand<CommandState> {

    static QuitCommand parse(String arguments) {
        return new QuitCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.of(221, "2.0.0 Bye"), new Closed());
    }
}
