package org.mailshelf.protocol.imap;

import java.util.List;

import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * CLOSE (RFC 3501 section 6.4.2): expunges \Deleted messages silently if the mailbox is read-write, then
 * leaves it; UNSELECT (RFC 3691) leaves it without expunging.
 */
final class CloseCommand implements ImapCommand {

    private final boolean expunge;

    CloseCommand(boolean expunge) {
        this.expunge = expunge;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        Selected s = session.selected();
        if (expunge && !s.readOnly()) {
            List<Long> deleted = s.mailbox().deletedUids();
            if (!deleted.isEmpty()) {
                session.services().store().expunge(s.mailbox().id(), deleted);
            }
        }
        session.deselect();
        session.ok(tag, null, (expunge ? "CLOSE" : "UNSELECT") + " completed");
    }
}
