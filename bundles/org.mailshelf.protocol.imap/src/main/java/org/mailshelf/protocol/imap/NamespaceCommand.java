package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/** NAMESPACE (RFC 2342): one personal namespace, no prefix, "/" as separator; no shared or other users'. */
final class NamespaceCommand implements ImapCommand {

    private static final byte[] RESPONSE = "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        args.end();
        session.untagged(RESPONSE);
        session.ok(tag, null, "NAMESPACE completed");
    }
}
