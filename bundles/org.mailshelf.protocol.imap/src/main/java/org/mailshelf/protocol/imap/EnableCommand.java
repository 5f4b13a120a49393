package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/** ENABLE (RFC 5161) for CONDSTORE and QRESYNC (RFC 7162; QRESYNC implies CONDSTORE). Others are ignored. */
final class EnableCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        List<String> names = new ArrayList<>();
        names.add(args.keyword());
        while (!args.atEnd()) {
            names.add(args.keyword());
        }
        ResponseWriter w = ResponseWriter.untagged().atom("ENABLED");
        for (String name : names) {
            if (name.equals("QRESYNC") && session.enable(Extension.QRESYNC)) {
                if (session.enable(Extension.CONDSTORE)) {
                    w.atom("CONDSTORE");
                }
                w.atom("QRESYNC");
            } else if (name.equals("CONDSTORE") && session.enable(Extension.CONDSTORE)) {
                w.atom("CONDSTORE");
            }
        }
        session.untagged(w.toBytes());
        session.ok(tag, null, "ENABLE completed");
    }
}
