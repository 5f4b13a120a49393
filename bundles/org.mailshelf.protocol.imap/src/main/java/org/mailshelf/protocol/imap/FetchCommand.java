package org.mailshelf.protocol.imap;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore.FlagUpdate;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SequenceSet;
import org.mailshelf.protocol.imap.fetch.FetchAttribute;
import org.mailshelf.protocol.imap.fetch.FetchParser;
import org.mailshelf.protocol.imap.fetch.FetchRenderer;
import org.mailshelf.protocol.imap.fetch.FetchRequest;

/**
 * FETCH / UID FETCH (RFC 3501 section 6.4.5; MODSEQ, CHANGEDSINCE and, after ENABLE QRESYNC, VANISHED of RFC
 * 7162). VANISHED first sends {@code * VANISHED (EARLIER)} with the UIDs of the set expunged since CHANGEDSINCE
 * ({@code *} standing for any UID, so expunged ones above the last message count). Structure and content are
 * read only when the request needs them (see {@link SelectedMessage}). A body fetch without PEEK sets \Seen
 * first (in a read-write mailbox) and the response then includes FLAGS. A message another session expunged is
 * left out and the command ends {@code OK [EXPUNGEISSUED]} (RFC 5530), as Dovecot does: the rest was fetched,
 * and clients (and imaptest) take a NO as a failed FETCH.
 */
final class FetchCommand implements ImapCommand {

    private static final FetchRenderer RENDERER = new FetchRenderer(ZoneId.systemDefault());

    private final boolean byUid;

    FetchCommand(boolean byUid) {
        this.byUid = byUid;
    }

    record Request(SequenceSet set, FetchRequest fetch) {
        static Request parse(ArgumentReader args, boolean byUid) throws ParseException {
            SequenceSet set = args.sequenceSet();
            return new Request(set, FetchParser.parse(args, byUid));
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args, byUid);
        FetchRequest fetch = r.fetch();
        if (fetch.vanished() && !session.isEnabled(Extension.QRESYNC)) {
            throw ImapFailure.bad("VANISHED needs ENABLE QRESYNC");
        }
        if (fetch.hasChangedSince() || fetch.contains(FetchAttribute.MODSEQ)) {
            session.enableCondstore();
        }
        Selected s = session.selected();
        SelectedMailbox mailbox = s.mailbox();
        int[] msns = mailbox.resolve(r.set(), byUid);
        if (fetch.vanished()) {
            Vanished.earlier(session, mailbox, fetch.changedSince(), r.set());
        }
        Set<Long> seenNow = fetch.setsSeen() && !s.readOnly() ? markSeen(session, mailbox, msns) : Set.of();
        boolean condstore = session.isEnabled(Extension.CONDSTORE);
        // FLAGS may show a keyword the client has not heard of yet (a new message's, or a change not announced)
        mailbox.announceKeywords(session::untagged, s.readOnly());
        int[] wanted = fetch.hasChangedSince() ? changedSince(mailbox, msns, fetch) : msns;
        boolean expunged = false;
        for (List<SelectedMessage> batch : MessageLoader.batches(session.services().store(), mailbox, wanted,
                fetch.needsStructure(), fetch.needsContent())) {
            for (SelectedMessage message : batch) {
                boolean flagsChanged = seenNow.contains(message.uid());
                try {
                    // a FETCH that set \Seen reports it with UID and MODSEQ once CONDSTORE is on (RFC 7162 3.2.4)
                    session.untagged(RENDERER.render(fetch, message, byUid || condstore && flagsChanged, condstore,
                            flagsChanged));
                } catch (MessageNotFoundException e) {
                    expunged = true;
                }
            }
        }
        if (expunged) {
            session.ok(tag, "EXPUNGEISSUED", "Some messages were already expunged");
        } else {
            session.ok(tag, null, "FETCH completed");
        }
    }

    private static int[] changedSince(SelectedMailbox mailbox, int[] msns, FetchRequest fetch) {
        return Arrays.stream(msns).filter(msn -> fetch.selects(mailbox.meta(msn).modSeq())).toArray();
    }

    /** Sets \Seen where it is missing; returns the UIDs whose flags changed. */
    private static Set<Long> markSeen(ImapSession session, SelectedMailbox mailbox, int[] msns) {
        List<Long> unseen = new ArrayList<>();
        for (int msn : msns) {
            if (!mailbox.meta(msn).flags().has(Flags.SEEN)) {
                unseen.add(mailbox.uid(msn));
            }
        }
        if (unseen.isEmpty()) {
            return Set.of();
        }
        List<MessageMeta> changed = session.services().store().updateFlags(mailbox.id(), unseen, FlagUpdate.ADD,
                Flags.of(Flags.SEEN));
        mailbox.updated(changed);
        Set<Long> uids = new HashSet<>();
        for (MessageMeta meta : changed) {
            uids.add(meta.uid());
        }
        return uids;
    }
}
