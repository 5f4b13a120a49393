package org.mailshelf.protocol.pop3;

/**
 * STLS (RFC 2595 section 4): the +OK goes out in the clear, then the connection expects the TLS handshake;
 * whatever the client sent after the command in the clear is dropped.
 */
final class StlsCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        if (session.isSecure()) {
            throw new Pop3Error("Command not permitted when TLS active");
        }
        if (!session.canStartTls()) {
            throw new Pop3Error("STLS is not available");
        }
        session.startTls();
    }
}
