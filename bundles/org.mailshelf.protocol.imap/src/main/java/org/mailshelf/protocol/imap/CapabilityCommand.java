package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/** CAPABILITY (RFC 3501 section 6.1.1). */
final class CapabilityCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        session.untagged(("* " + Capabilities.line(session) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        session.ok(tag, null, "CAPABILITY completed");
    }
}
