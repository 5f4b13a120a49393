package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.MailTransaction;
import org.mailshelf.protocol.lmtp.SessionState.ReceivingData;

/** DATA: switches to reading the message, if any recipient was accepted (RFC 2033 4.2: else 503). */
record DataCommand() implements LmtpCommand<MailTransaction> {

    static DataCommand parse(String arguments) throws SyntaxException {
        if (!arguments.isEmpty()) {
            throw SyntaxException.usage("DATA");
        }
        return new DataCommand();
    }

    @Override
    public Outcome execute(MailTransaction state, LmtpContext context) {
        if (state.recipients().isEmpty()) {
            return new Outcome(Reply.of(503, "5.5.1 No valid recipients"), state);
        }
        IncomingMessage message = new IncomingMessage(state.reversePath(), context.config().maxMessageSize());
        return new Outcome(Reply.of(354, "Start mail input; end with <CRLF>.<CRLF>"),
                new ReceivingData(state, message));
    }
}
