package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * IDLE (RFC 2177): {@code + idling}, then changes to the selected mailbox are pushed as they happen
 * (EXPUNGE included) until the client sends {@code DONE}; any other line ends IDLE with BAD.
 */
final class IdleCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        session.awaitRawLine(tag, (s, line) -> {
            s.endIdle();
            if (!new String(line, StandardCharsets.US_ASCII).equalsIgnoreCase("DONE")) {
                throw ImapFailure.bad("Expected DONE");
            }
            s.ok(tag, null, "IDLE terminated");
        });
        session.continuation("idling");
        session.startIdle(tag);
    }
}
