package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailboxCounts;
import org.mailshelf.protocol.imap.ImapSession.Extension;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.Status;

/**
 * SELECT and EXAMINE (RFC 3501 sections 6.3.1-2), with the CONDSTORE parameter (RFC 7162). A mailbox already
 * selected is closed first, without expunging, and {@code [CLOSED]} says so (RFC 7162 section 3.2.11).
 */
final class SelectCommand implements ImapCommand {

    static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private final boolean readOnly;

    SelectCommand(boolean readOnly) {
        this.readOnly = readOnly;
    }

    record Request(String mailbox, boolean condstore) {
        static Request parse(ArgumentReader args) throws ParseException {
            String mailbox = args.mailbox();
            boolean condstore = false;
            if (args.nextIsList()) {
                ArgumentReader params = args.list();
                while (!params.atEnd()) {
                    String p = params.keyword();
                    if (!p.equals("CONDSTORE")) {
                        throw new ParseException("Unsupported SELECT parameter");
                    }
                    condstore = true;
                }
            }
            args.end();
            return new Request(mailbox, condstore);
        }
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        Request r = Request.parse(args);
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
        SelectedMailbox mailbox = SelectedMailbox.open(session.services().store(), info, session::wakeup);
        MailboxCounts counts;
        try {
            counts = session.services().store().counts(info.id());
        } catch (RuntimeException e) {
            mailbox.close();
            throw e;
        }
        describe(session, mailbox, counts);
        session.become(new Selected(account, mailbox, readOnly));
        session.ok(tag, readOnly ? "READ-ONLY" : "READ-WRITE", (readOnly ? "EXAMINE" : "SELECT") + " completed");
    }

    private void describe(ImapSession session, SelectedMailbox mailbox, MailboxCounts counts) {
        List<String> flags = new ArrayList<>(SYSTEM_FLAGS);
        flags.addAll(mailbox.keywords());
        session.untagged(ResponseWriter.untagged().atom("FLAGS").flags(flags).toBytes());
        List<String> permanent = new ArrayList<>();
        if (!readOnly) {
            permanent.addAll(flags);
            permanent.add("\\*");
        }
        session.untagged(ResponseWriter.untagged().atom("OK").beginCode("PERMANENTFLAGS").flags(permanent).endCode()
                .text("Flags permitted").toBytes());
        session.untagged(ResponseWriter.untagged().number(mailbox.size()).atom("EXISTS").toBytes());
        session.untagged(ResponseWriter.untagged().number(mailbox.recentCount()).atom("RECENT").toBytes());
        int unseen = mailbox.firstUnseen();
        if (unseen > 0) {
            session.untagged(ResponseWriter.status(null, Status.OK, "UNSEEN " + unseen, "First unseen"));
        }
        session.untagged(ResponseWriter.status(null, Status.OK, "UIDVALIDITY " + mailbox.uidValidity(), "UIDs valid"));
        session.untagged(ResponseWriter.status(null, Status.OK, "UIDNEXT " + counts.uidNext(), "Predicted next UID"));
        session.untagged(ResponseWriter.status(null, Status.OK, "HIGHESTMODSEQ " + counts.highestModSeq(),
                "Highest"));
    }
}
