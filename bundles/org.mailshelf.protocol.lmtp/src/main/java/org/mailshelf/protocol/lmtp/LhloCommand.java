package org.mailshelf.protocol.lmtp;

import java.util.ArrayList;
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
        List<String> capabilities = new ArrayList<>(List.of(config.hostname(), "PIPELINING", "ENHANCEDSTATUSCODES",
                "8BITMIME", "SIZE " + config.maxMessageSize()));
        if (context.tlsAvailable()) {
            // never once TLS is on (RFC 3207 4.2): the connection can no longer start it then
            capabilities.add("STARTTLS");
        }
        return new Outcome(new Reply(250, capabilities), new Ready());
    }
}
