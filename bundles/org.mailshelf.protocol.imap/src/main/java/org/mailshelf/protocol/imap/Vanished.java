package org.mailshelf.protocol.imap;

import java.util.List;

import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * {@code * VANISHED (EARLIER) <uids>} (RFC 7162 section 3.2.10): the messages expunged since a mod-sequence,
 * from the store's tombstones, for SELECT (QRESYNC ...) and UID FETCH (CHANGEDSINCE n VANISHED). Unlike the
 * plain VANISHED of a live expunge, it does not change the message count.
 *
 * <p>UIDs still in the session's view are left out: their expunge happened after the view was read and is
 * pending, so it is announced with the ordinary VANISHED at the end of the command (reporting it twice would be
 * harmless but confusing).
 */
final class Vanished {

    private Vanished() {
    }

    /**
     * Writes the response for the UIDs expunged after {@code modSeq}, restricted to {@code within} (null: all,
     * {@code *} standing for the largest possible UID); writes nothing if there are none.
     */
    static void earlier(ImapSession session, SelectedMailbox mailbox, long modSeq, SequenceSet within) {
        List<Long> gone = session.services().store().expungedSince(mailbox.id(), modSeq);
        long[] uids = gone.stream()
                .filter(uid -> within == null || within.contains(uid, SequenceSet.MAX_NUMBER))
                .filter(uid -> mailbox.msn(uid) == 0)
                .mapToLong(Long::longValue).toArray();
        if (uids.length > 0) {
            session.untagged(ResponseWriter.untagged().atom("VANISHED").beginList().atom("EARLIER").endList()
                    .atom(SequenceSet.of(uids).toString()).toBytes());
        }
    }
}
