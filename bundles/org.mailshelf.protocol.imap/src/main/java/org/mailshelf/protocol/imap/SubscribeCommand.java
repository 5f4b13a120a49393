package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * SUBSCRIBE and UNSUBSCRIBE (RFC 3501 sections 6.3.6-7). Subscribing to a name that does not exist is allowed,
 * as RFC 3501 lets a server choose.
 */
final class SubscribeCommand implements ImapCommand {

    private final boolean subscribe;

    SubscribeCommand(boolean subscribe) {
        this.subscribe = subscribe;
    }

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String wire = args.mailbox();
        args.end();
        String name = MailboxNames.validFromWire(wire);
        if (subscribe) {
            session.services().store().subscribe(session.account(), name);
        } else {
            session.services().store().unsubscribe(session.account(), name);
        }
        session.ok(tag, null, (subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE") + " completed");
    }
}
