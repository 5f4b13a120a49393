package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/**
 * ENABLE (RFC 5161) for CONDSTORE and QRESYNC (RFC 7162; QRESYNC implies CONDSTORE). Others are ignored. Enabling
 * CONDSTORE with a mailbox selected also tells its HIGHESTMODSEQ (RFC 7162 section 3.1).
 */
final class EnableCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        List<String> names = new ArrayList<>();
        names.add(args.keyword());
        while (!args.atEnd()) {
            names.add(args.keyword());
        }
        ResponseWriter w = ResponseWriter.untagged().atom("ENABLED");
        boolean condstore = false;
        for (String name : names) {
            if (name.equals("QRESYNC") && session.enable(Extension.QRESYNC)) {
                if (session.enable(Extension.CONDSTORE)) {
                    w.atom("CONDSTORE");
                    condstore = true;
                }
                w.atom("QRESYNC");
            } else if (name.equals("CONDSTORE") && session.enable(Extension.CONDSTORE)) {
                w.atom("CONDSTORE");
                condstore = true;
            }
        }
        session.untagged(w.toBytes());
        if (condstore) {
            session.reportHighestModSeq();
        }
        session.ok(tag, null, "ENABLE completed");
    }
}
