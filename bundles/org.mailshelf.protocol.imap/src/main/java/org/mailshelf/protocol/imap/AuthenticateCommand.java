package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * AUTHENTICATE (RFC 3501 section 6.2.2) with PLAIN, with an initial response (SASL-IR, RFC 4959; "=" for an
 * empty one) or after an empty continuation request. The client cancels with "*".
 */
final class AuthenticateCommand implements ImapCommand {

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String mechanism = args.keyword();
        String initial = args.atEnd() ? null : args.atom();
        args.end();
        if (!mechanism.equals("PLAIN")) {
            throw ImapFailure.no("CANNOT", "Unsupported authentication mechanism");
        }
        Login.requirePrivacy(session);
        if (initial != null) {
            respond(session, tag, initial.equals("=") ? "" : initial);
            return;
        }
        session.awaitRawLine(tag, (s, line) -> {
            String response = new String(line, StandardCharsets.US_ASCII).strip();
            if (response.equals("*")) {
                throw ImapFailure.bad("Authentication cancelled");
            }
            respond(s, tag, response);
        });
        session.continuation("");
    }

    private static void respond(ImapSession session, String tag, String base64) {
        SaslPlain.Credentials credentials = SaslPlain.decode(base64);
        Login.attempt(session, tag, credentials.authcid(), credentials.password());
    }
}
