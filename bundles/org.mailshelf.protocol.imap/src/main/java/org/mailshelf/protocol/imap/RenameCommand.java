package org.mailshelf.protocol.imap;

import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.StoreException;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * RENAME (RFC 3501 section 6.3.5), inferiors included; renaming INBOX moves its messages to the new mailbox
 * and leaves INBOX empty (the store does that). Missing superiors of the new name are created.
 */
final class RenameCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String fromWire = args.mailbox();
        String toWire = args.mailbox();
        args.end();
        String from = MailboxNames.fromWire(fromWire);
        String to = MailboxNames.validFromWire(toWire);
        MailStore store = session.services().store();
        String account = session.account();
        if (store.mailbox(account, from).isEmpty()) {
            throw ImapFailure.no("NONEXISTENT", "No such mailbox");
        }
        if (store.mailbox(account, to).isPresent()) {
            throw ImapFailure.no("ALREADYEXISTS", "Target mailbox already exists");
        }
        if (to.equals(from) || MailboxNames.isChild(to, from)) {
            throw ImapFailure.no("CANNOT", "Cannot rename a mailbox into itself");
        }
        CreateCommand.createParents(store, account, to);
        try {
            store.renameMailbox(account, from, to);
        } catch (MailboxExistsException e) {
            throw ImapFailure.no("ALREADYEXISTS", "A mailbox of the new name already exists");
        } catch (MailboxNotFoundException e) {
            throw e;
        } catch (StoreException e) {
            throw ImapFailure.no("CANNOT", "Cannot rename the mailbox");
        }
        session.ok(tag, null, "RENAME completed");
    }
}
