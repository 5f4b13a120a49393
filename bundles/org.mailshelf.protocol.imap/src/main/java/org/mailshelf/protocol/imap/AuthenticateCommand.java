package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * AUTHENTICATE (RFC 3501 section 6.2.2) with PLAIN, or LOGIN (the obsolete but common two-step exchange that
 * Outlook and others still use), with an initial response (SASL-IR, RFC 4959; "=" for an empty one) or after a
 * continuation request. The client cancels with "*".
 */
final class AuthenticateCommand implements ImapCommand {
    private static final String USERNAME_PROMPT = "VXNlcm5hbWU6"; // base64 "Username:"
    private static final String PASSWORD_PROMPT = "UGFzc3dvcmQ6"; // base64 "Password:"

    @Override
    public void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException {
        String mechanism = args.keyword();
        String initial = args.atEnd() ? null : args.atom();
        args.end();
        if (!mechanism.equals("PLAIN") && !mechanism.equals("LOGIN")) {
            throw ImapFailure.no("CANNOT", "Unsupported authentication mechanism");
        }
        Login.requirePrivacy(session);
        String response = initial == null ? null : initial.equals("=") ? "" : initial;
        if (mechanism.equals("LOGIN")) {
            if (response != null) {
                askPassword(session, tag, response);
            } else {
                ask(session, tag, USERNAME_PROMPT, (s, user) -> askPassword(s, tag, user));
            }
        } else if (response != null) {
            respond(session, tag, response);
        } else {
            ask(session, tag, "", (s, plain) -> respond(s, tag, plain));
        }
    }

    /** Sends a continuation request and passes the client's base64 answer on; "*" cancels. */
    private static void ask(ImapSession session, String tag, String prompt, Answer answer) {
        session.awaitRawLine(tag, (s, line) -> {
            String text = new String(line, StandardCharsets.US_ASCII).strip();
            if (text.equals("*")) {
                throw ImapFailure.bad("Authentication cancelled");
            }
            answer.given(s, text);
        });
        session.continuation(prompt);
    }

    private static void askPassword(ImapSession session, String tag, String base64User) {
        String user = new String(SaslPlain.base64(base64User), StandardCharsets.UTF_8);
        ask(session, tag, PASSWORD_PROMPT, (s, password) -> Login.attempt(s, tag, user,
                Login.chars(SaslPlain.base64(password), 0)));
    }

    private static void respond(ImapSession session, String tag, String base64) {
        SaslPlain.Credentials credentials = SaslPlain.decode(base64);
        Login.attempt(session, tag, credentials.authcid(), credentials.password());
    }

    @FunctionalInterface
    private interface Answer {
        void given(ImapSession session, String base64);
    }
}
