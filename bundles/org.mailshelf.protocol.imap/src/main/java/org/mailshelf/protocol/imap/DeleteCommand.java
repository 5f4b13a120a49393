package org.mailshelf.protocol.imap;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.protocol.imap.SessionState.Selected;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * DELETE (RFC 3501 section 6.3.4). INBOX cannot be deleted. RFC 3501 would delete a mailbox with inferiors
 * and leave it as a \Noselect name; the store has no \Noselect mailboxes, so such a DELETE is refused with
 * {@code NO [HASCHILDREN]} (RFC 5530) instead: the client deletes the children first.
 */
final class DeleteCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String wire = args.mailbox();
        args.end();
        String name = MailboxNames.fromWire(wire);
        if (name.equals(MailboxInfo.INBOX)) {
            throw ImapFailure.no("CANNOT", "INBOX cannot be deleted");
        }
        MailStore store = session.services().store();
        String account = session.account();
        MailboxInfo info = store.mailbox(account, name)
                .orElseThrow(() -> ImapFailure.no("NONEXISTENT", "No such mailbox"));
        if (store.mailboxes(account).stream().anyMatch(m -> MailboxNames.isChild(m.name(), name))) {
            throw ImapFailure.no("HASCHILDREN", "Mailbox has inferior mailboxes, delete them first");
        }
        if (session.state() instanceof Selected s && s.mailbox().id() == info.id()) {
            session.deselect();
        }
        store.deleteMailbox(account, name);
        session.ok(tag, null, "DELETE completed");
    }
}
