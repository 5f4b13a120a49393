package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxCounts;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;

/**
 * STATUS (RFC 3501 section 6.3.10) with HIGHESTMODSEQ (RFC 7162) and SIZE (RFC 8438), read in one look from
 * the store. RECENT is this session's count for the mailbox it has selected; for any other mailbox it is the
 * number of messages the next SELECT would see as \Recent, looked up without claiming them.
 */
final class StatusCommand implements ImapCommand {

    private static final Set<String> ITEMS = Set.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN",
            "HIGHESTMODSEQ", "SIZE");

    record Request(String mailbox, List<String> items) {
        static Request parse(ArgumentReader args) throws ParseException {
            String mailbox = args.mailbox();
            ArgumentReader list = args.list();
            args.end();
            return new Request(mailbox, parseItems(list));
        }
    }

    /** The items of a STATUS list, upper case: also what LIST ... RETURN (STATUS (...)) asks for (RFC 5819). */
    static List<String> parseItems(ArgumentReader list) throws ParseException {
        List<String> items = new ArrayList<>();
        while (!list.atEnd()) {
            String item = list.keyword();
            if (!ITEMS.contains(item)) {
                throw new ParseException("Unknown STATUS item");
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new ParseException("STATUS needs at least one item");
        }
        return items;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        if (r.items().contains("HIGHESTMODSEQ")) {
            session.enableCondstore(); // a CONDSTORE enabling command (RFC 7162 section 3.1)
        }
        String name = MailboxNames.fromWire(r.mailbox());
        MailboxInfo info = session.services().store().mailbox(session.account(), name)
                .orElseThrow(() -> ImapFailure.no("NONEXISTENT", "No such mailbox"));
        session.untagged(response(session, info, r.items()));
        session.ok(tag, null, "STATUS completed");
    }

    /**
     * {@code * STATUS name (MESSAGES 2 UNSEEN 1)} with the items in the order asked.
     *
     * @throws org.mailshelf.api.store.MailboxNotFoundException if the mailbox is gone
     */
    static byte[] response(ImapSession session, MailboxInfo info, List<String> items) {
        MailboxCounts counts = session.services().store().counts(info.id());
        ResponseWriter w = ResponseWriter.untagged().atom("STATUS").astring(MailboxNames.toWire(info.name()))
                .beginList();
        for (String item : items) {
            w.atom(item).number(value(session, info, counts, item));
        }
        return w.endList().toBytes();
    }

    private static long value(ImapSession session, MailboxInfo info, MailboxCounts counts, String item) {
        return switch (item) {
            case "MESSAGES" -> counts.messages();
            case "RECENT" -> session.state() instanceof Selected s && s.mailbox().id() == info.id()
                    ? s.mailbox().recentCount() : unclaimedRecent(session.services().store(), info.id());
            case "UIDNEXT" -> counts.uidNext();
            case "UIDVALIDITY" -> counts.uidValidity();
            case "UNSEEN" -> counts.unseen();
            case "HIGHESTMODSEQ" -> counts.highestModSeq();
            default -> counts.size();
        };
    }

    /** Messages at or above the recent-floor: the store lists them in ascending UID order. */
    private static long unclaimedRecent(MailStore store, long mailboxId) {
        long floor = store.recentFloor(mailboxId);
        List<MessageMeta> all = store.messages(mailboxId);
        int low = 0;
        int high = all.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (all.get(mid).uid() < floor) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return all.size() - low;
    }
}
