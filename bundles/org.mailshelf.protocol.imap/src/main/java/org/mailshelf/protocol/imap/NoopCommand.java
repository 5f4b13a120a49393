package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/** NOOP and CHECK (RFC 3501 sections 6.1.2, 6.4.1): nothing to do but announce changes. */
final class NoopCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        session.ok(tag, null, "Completed");
    }
}
