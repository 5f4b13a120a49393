package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;
import org.mailshelf.protocol.lmtp.SessionState.Greeted;
import org.mailshelf.protocol.lmtp.SessionState.Ready;

/** RSET: drops the transaction; a session that has not said LHLO still has to. */
record RsetCommand() implements LmtpCommand<CommandState> {

    static RsetCommand parse(String arguments) throws SyntaxException {
        if (!arguments.isEmpty()) {
            throw SyntaxException.usage("RSET");
        }
        return new RsetCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.OK, state instanceof Greeted ? state : new Ready());
    }
}
