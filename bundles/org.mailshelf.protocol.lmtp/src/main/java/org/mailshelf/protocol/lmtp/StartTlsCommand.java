package org.mailshelf.protocol.lmtp;

import org.mailshelf.protocol.lmtp.SessionState.Ready;

/**
 * STARTTLS (RFC 3207): the 220 goes out in the clear, then the connection expects the client's TLS handshake.
 * Afterwards the session starts over as just greeted: the client says LHLO again and nothing it said in the
 * clear is kept.
 */
record StartTlsCommand() implements LmtpCommand<Ready> {

    static StartTlsCommand parse(String arguments) throws SyntaxException {
        if (!arguments.isEmpty()) {
            throw SyntaxException.usage("STARTTLS");
        }
        return new StartTlsCommand();
    }

    @Override
    public Outcome execute(Ready state, LmtpContext context) {
        if (context.tlsActive()) {
            return new Outcome(Reply.of(503, "5.5.1 TLS already active"), state);
        }
        if (!context.tlsAvailable()) {
            // RFC 3207's refusal, whether the listener has TLS off or no certificate yet (the connection cannot
            // tell them apart); a client that insists on TLS defers the mail rather than sending it in the clear
            return new Outcome(Reply.of(454, "4.7.0 TLS not available"), state);
        }
        return Outcome.startTls(Reply.of(220, "2.0.0 Ready to start TLS"));
    }
}
