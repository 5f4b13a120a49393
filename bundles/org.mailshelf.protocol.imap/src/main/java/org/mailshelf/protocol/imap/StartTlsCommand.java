package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * STARTTLS (RFC 3501 section 6.2.1, RFC 2595): the tagged OK goes out in the clear, then the connection
 * expects the TLS handshake; whatever the client sent after the command in the clear is dropped.
 */
final class StartTlsCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        if (session.isSecure()) {
            throw ImapFailure.bad("TLS is already active");
        }
        if (!session.canStartTls()) {
            throw ImapFailure.no("UNAVAILABLE", "TLS is not available");
        }
        session.startTls(tag);
    }
}
