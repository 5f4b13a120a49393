package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/** STARTTLS (RFC 3501 section 6.2.1): a placeholder until the listener can switch the connection to TLS. */
final class StartTlsCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        throw ImapFailure.no("UNAVAILABLE", "TLS is not available yet");
    }
}
