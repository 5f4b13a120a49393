package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;

/** VRFY address: 252 without looking anything up, so the command cannot be used to list accounts. */
record VrfyCommand() implements LmtpCommand<CommandState> {

    static VrfyCommand parse(String arguments) throws SyntaxException {
        if (arguments.isEmpty()) {
            throw SyntaxException.usage("VRFY address");
        }
        return new VrfyCommand();
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        return new Outcome(Reply.of(252, "2.5.2 Cannot VRFY user, but will accept message and attempt delivery"),
                state);
    }
}
