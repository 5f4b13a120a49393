package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/** ID (RFC 2971): the client's list is read and ignored; the server names itself, no version. */
final class IdCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        if (!args.tryAtom("NIL")) {
            ArgumentReader fields = args.list();
            while (!fields.atEnd()) {
                fields.string();
                fields.nstring();
            }
        }
        args.end();
        session.untagged(ResponseWriter.untagged().atom("ID").beginList().string("name").string("Mailshelf")
                .endList().toBytes());
        session.ok(tag, null, "ID completed");
    }
}
