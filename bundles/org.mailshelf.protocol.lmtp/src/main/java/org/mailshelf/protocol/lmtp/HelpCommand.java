package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/** HELP [topic]: lists the commands, whatever the topic. */
record HelpCommand() implements LmtpCommand<CommandState> {

    static HelpCommand parse(String arguments) {
        return new HelpCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.of(214, "2.0.0 Commands: LHLO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP"), state);
    }
}
