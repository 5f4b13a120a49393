package org.mailshelf.protocol.imap;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.SequenceSet;
import org.mailshelf.protocol.imap.codec.Status;

/**
 * SELECT and EXAMINE (RFC 3501 sections 6.3.1-2), with the CONDSTORE and QRESYNC parameters (RFC 7162). A
 * mailbox already selected is closed first, without expunging, and {@code [CLOSED]} says so (RFC 7162 section
 * 3.2.11).
 *
 * <p>QRESYNC ({@code (QRESYNC (uidvalidity modseq [known-uids [seq-match-data]]))}, only after ENABLE QRESYNC,
 * else BAD): if the UIDVALIDITY matches, the usual responses are followed by {@code * VANISHED (EARLIER)} with
 * the UIDs expunged since the mod-sequence and a FETCH (UID, FLAGS, MODSEQ) for every message changed since,
 * both restricted to the known UIDs when given. The seq-match-data is checked for syntax and otherwise ignored,
 * as RFC 7162 section 3.2.5.2 allows: it only helps servers that forget expunges, and the store keeps every
 * tombstone. With another UIDVALIDITY the client's cache is worthless and the select is a plain one.
 */
final class SelectCommand implements ImapCommand {

    private final boolean readOnly;

    SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** The QRESYNC parameter; {@code knownUids} null when not given. */
    record Qresync(long uidValidity, long modSeq, SequenceSet knownUids) {
        static Qresync parse(ArgumentReader args) throws ParseException {
            ArgumentReader list = args.list();
            long uidValidity = list.nzNumber();
            long modSeq = ModSequences.read(list, "QRESYNC");
            SequenceSet known = null;
            if (!list.atEnd() && !list.nextIsList()) {
                known = list.sequenceSet();
            }
            if (!list.atEnd()) {
                ArgumentReader seqMatch = list.list(); // (known-sequence-set known-uid-set): not needed
                seqMatch.sequenceSet();
                seqMatch.sequenceSet();
                seqMatch.end();
            }
            list.end();
            return new Qresync(uidValidity, modSeq, known);
        }
    }

    /** @param qresync null without the parameter */
    record Request(String mailbox, boolean condstore, Qresync qresync) {
        static Request parse(ArgumentReader args) throws ParseException {
            String mailbox = args.mailbox();
            boolean condstore = false;
            Qresync qresync = null;
            if (args.nextIsList()) {
                ArgumentReader params = args.list();
                while (!params.atEnd()) {
                    String p = params.keyword();
                    if (p.equals("CONDSTORE") && !condstore) {
                        condstore = true;
                    } else if (p.equals("QRESYNC") && qresync == null) {
                        qresync = Qresync.parse(params);
                    } else {
                        throw new ParseException("Unsupported or repeated SELECT parameter");
                    }
                }
            }
            args.end();
            return new Request(mailbox, condstore, qresync);
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        if (r.qresync() != null && !session.isEnabled(Extension.QRESYNC)) {
            throw ImapFailure.bad("QRESYNC needs ENABLE QRESYNC first");
        }
        if (session.state() instanceof Selected) {
            session.deselect();
            session.untagged(ResponseWriter.status(null, Status.OK, "CLOSED", "Previous mailbox closed"));
        }
        if (r.condstore()) {
            session.enable(Extension.CONDSTORE);
        }
        String account = session.account();
        MailboxInfo info = session.services().store().mailbox(account, MailboxNames.fromWire(r.mailbox()))
                .orElseThrow(() -> ImapFailure.no("NONEXISTENT", "No such mailbox"));
        SelectedMailbox mailbox = SelectedMailbox.open(session.services().store(), info, session::wakeup, readOnly);
        describe(session, mailbox);
        session.become(new Selected(account, mailbox, readOnly));
        if (r.qresync() != null && r.qresync().uidValidity() == mailbox.uidValidity()) {
            resynchronise(session, mailbox, r.qresync());
        }
        session.ok(tag, readOnly ? "READ-ONLY" : "READ-WRITE", (readOnly ? "EXAMINE" : "SELECT") + " completed");
        // after the answer, so reading a large index does not slow the SELECT down
        session.services().searchIndexes().preload(session.services().store(), mailbox.id(), mailbox.uidValidity(),
                mailbox.size());
    }

    /** What changed since the client's mod-sequence: expunges first, then flags (RFC 7162 section 3.2.5.2). */
    private static void resynchronise(ImapSession session, SelectedMailbox mailbox, Qresync q) {
        Vanished.earlier(session, mailbox, q.modSeq(), q.knownUids());
        for (int msn : mailbox.changedSince(q.modSeq(), q.knownUids())) {
            session.untagged(mailbox.fetchResponse(msn, true, true, true));
        }
    }

    private void describe(ImapSession session, SelectedMailbox mailbox) {
        mailbox.writeFlags(session::untagged, readOnly);
        session.untagged(ResponseWriter.untagged().number(mailbox.size()).atom("EXISTS").toBytes());
        session.untagged(ResponseWriter.untagged().number(mailbox.recentCount()).atom("RECENT").toBytes());
        int unseen = mailbox.firstUnseen();
        if (unseen > 0) {
            session.untagged(ResponseWriter.status(null, Status.OK, "UNSEEN " + unseen, "First unseen"));
        }
        session.untagged(ResponseWriter.status(null, Status.OK, "UIDVALIDITY " + mailbox.uidValidity(), "UIDs valid"));
        session.untagged(ResponseWriter.status(null, Status.OK, "UIDNEXT " + mailbox.uidNext(), "Predicted next UID"));
        session.untagged(ResponseWriter.status(null, Status.OK, "HIGHESTMODSEQ " + mailbox.highestModSeq(),
                "Highest"));
    }
}
