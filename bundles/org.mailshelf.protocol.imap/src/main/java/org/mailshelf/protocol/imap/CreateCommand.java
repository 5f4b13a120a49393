package org.mailshelf.protocol.imap;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * CREATE (RFC 3501 section 6.3.3): a trailing separator is ignored, and missing superior mailboxes are created
 * too, as the RFC allows ({@code a/b/c} creates {@code a} and {@code a/b}).
 */
final class CreateCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String wire = args.mailbox();
        args.end();
        String name = MailboxNames.validFromWire(wire);
        if (name.equals(MailboxInfo.INBOX)) {
            throw ImapFailure.no("ALREADYEXISTS", "INBOX always exists");
        }
        MailStore store = session.services().store();
        String account = session.account();
        if (store.mailbox(account, name).isPresent()) {
            throw ImapFailure.no("ALREADYEXISTS", "Mailbox already exists");
        }
        createParents(store, account, name);
        try {
            store.createMailbox(account, name);
        } catch (MailboxExistsException e) {
            throw ImapFailure.no("ALREADYEXISTS", "Mailbox already exists");
        }
        session.ok(tag, null, "CREATE completed");
    }

    /** Creates the superiors of {@code name} that do not exist yet (also for RENAME). */
    static void createParents(MailStore store, String account, String name) {
        for (String parent : MailboxNames.parents(name)) {
            if (store.mailbox(account, parent).isEmpty()) {
                try {
                    store.createMailbox(account, parent);
                } catch (MailboxExistsException e) {
                    // made concurrently: fine
                }
            }
        }
    }
}
