package org.mailshelf.protocol.imap;

import java.util.List;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.CopiedMessage;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.SequenceSet;
import org.mailshelf.protocol.imap.codec.Status;

/**
 * COPY / UID COPY (RFC 3501 section 6.4.7, COPYUID of RFC 4315) and MOVE / UID MOVE (RFC 6851): MOVE sends
 * COPYUID in an untagged OK, then the EXPUNGEs of the moved messages (from the store's event), then the tagged
 * OK. A missing target is {@code NO [TRYCREATE]}.
 */
final class CopyCommand implements ImapCommand {

    private final boolean byUid;
    private final boolean move;

    CopyCommand(boolean byUid, boolean move) {
        this.byUid = byUid;
        this.move = move;
    }

    record Request(SequenceSet set, String mailbox) {
        static Request parse(ArgumentReader args) throws ParseException {
            SequenceSet set = args.sequenceSet();
            String mailbox = args.mailbox();
            args.end();
            return new Request(set, mailbox);
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
        Selected s = session.selected();
        String verb = move ? "MOVE" : "COPY";
        if (move && s.readOnly()) {
            throw ImapFailure.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Long> uids = s.mailbox().uids(s.mailbox().resolve(r.set(), byUid));
        MailboxInfo target = session.services().store().mailbox(session.account(), MailboxNames.fromWire(r.mailbox()))
                .orElseThrow(() -> ImapFailure.no("TRYCREATE", "No such mailbox"));
        if (uids.isEmpty()) {
            session.ok(tag, null, verb + " completed, nothing to do");
            return;
        }
        List<CopiedMessage> copied = move
                ? session.services().store().move(s.mailbox().id(), uids, target.id())
                : session.services().store().copy(s.mailbox().id(), uids, target.id());
        if (copied.isEmpty()) {
            throw ImapFailure.no("EXPUNGEISSUED", "The messages have been expunged");
        }
        String code = "COPYUID " + target.uidValidity() + " "
                + UidSets.format(copied.stream().map(CopiedMessage::sourceUid).toList()) + " "
                + UidSets.format(copied.stream().map(c -> c.copy().uid()).toList());
        if (move) {
            session.untagged(ResponseWriter.status(null, Status.OK, code, "Moved"));
            session.ok(tag, null, "MOVE completed");
        } else {
            session.ok(tag, code, "COPY completed");
        }
    }
}
