package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.Status;

/** LOGOUT (RFC 3501 section 6.1.3): BYE, the tagged OK, then the connection closes. Nothing is expunged. */
final class LogoutCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        session.deselect();
        session.untagged(ResponseWriter.status(null, Status.BYE, null, "Logging out"));
        session.ok(tag, null, "LOGOUT completed");
        session.end();
    }
}
