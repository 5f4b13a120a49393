package org.mailshelf.protocol.imap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * EXPUNGE (RFC 3501 section 6.4.3) and UID EXPUNGE (RFC 4315): removes \Deleted messages (of the given UIDs).
 * The store publishes the removal to every session of the mailbox, this one included; the EXPUNGE responses
 * come from that event, announced before the tagged OK.
 */
final class ExpungeCommand implements ImapCommand {

    private final boolean byUid;

    ExpungeCommand(boolean byUid) {
        this.byUid = byUid;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        SequenceSet set = byUid ? args.sequenceSet() : null;
        args.end();
        Selected s = session.selected();
        if (s.readOnly()) {
            throw ImapFailure.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Long> deleted = s.mailbox().deletedUids();
        if (set != null) {
            Set<Long> wanted = new HashSet<>(s.mailbox().uids(s.mailbox().resolve(set, true)));
            deleted.removeIf(uid -> !wanted.contains(uid));
        }
        if (!deleted.isEmpty()) {
            session.services().store().expunge(s.mailbox().id(), deleted);
        }
        session.ok(tag, null, "EXPUNGE completed");
    }
}
