package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/**
 * LIST and LSUB (RFC 3501 sections 6.3.8-9) with the CHILDREN attributes (RFC 3348) on LIST. An empty pattern
 * asks for the hierarchy separator. Every level of a name exists as a mailbox (CREATE and RENAME make the
 * superiors), so no \Noselect placeholders are needed.
 */
final class ListCommand implements ImapCommand {

    private final boolean subscribed;

    ListCommand(boolean subscribed) {
        this.subscribed = subscribed;
    }

    record Request(String reference, String pattern) {
        static Request parse(ArgumentReader args) throws ParseException {
            String reference = args.astring();
            String pattern = args.listMailbox();
            args.end();
            return new Request(reference, pattern);
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        String verb = subscribed ? "LSUB" : "LIST";
        if (r.pattern().isEmpty()) {
            session.untagged(ResponseWriter.untagged().atom(verb).beginList().atom("\\Noselect").endList()
                    .string("/").string("").toBytes());
            session.ok(tag, null, verb + " completed");
            return;
        }
        Pattern pattern = MailboxNames.pattern(r.reference(), r.pattern());
        List<String> all = session.services().store().mailboxes(session.account()).stream().map(MailboxInfo::name)
                .toList();
        List<String> names = new ArrayList<>(subscribed
                ? session.services().store().subscriptions(session.account()) : all);
        names.sort(MailboxNames::compare);
        for (String name : names) {
            if (!pattern.matcher(name).matches()) {
                continue;
            }
            ResponseWriter w = ResponseWriter.untagged().atom(verb).beginList();
            if (subscribed) {
                if (!all.contains(name)) {
                    w.atom("\\Noselect");
                }
            } else {
                w.atom(all.stream().anyMatch(n -> MailboxNames.isChild(n, name)) ? "\\HasChildren"
                        : "\\HasNoChildren");
            }
            session.untagged(w.endList().string("/").astring(MailboxNames.toWire(name)).toBytes());
        }
        session.ok(tag, null, verb + " completed");
    }
}
