package org.mailshelf.protocol.lmtp;

import java.util.List;

import org.mailshelf.protocol.lmtp.SessionState.CommandState;
import org.mailshelf.protocol.lmtp.SessionState.Ready;

/**
 * LHLO domain (RFC 2033 4.1): answers with the extensions. Valid at any time; later in a session it resets
 * the transaction, as RFC 5321 4.1.4 asks of EHLO.
 */
record LhloCommand(String clientName) implements LmtpCommand<CommandState> {

    static LhloCommand parse(String arguments) throws SyntaxException {
        if (arguments.isEmpty()) {
            throw SyntaxException.usage("LHLO hostname");
        }
        return new LhloCommand(arguments);
    }

    @Override
    public Outcome execute(CommandState state, LmtpContext context) {
        LmtpConfig config = context.config();
        // RFC 2034: no enhanced status codes in the LHLO reply
        Reply capabilities = new Reply(250, List.of(config.hostname(), "PIPELINING", "ENHANCEDSTATUSCODES",
                "8BITMIME", "SIZE " + config.maxMessageSize()));
        return new Outcome(capabilities, new Ready());
    }
}
