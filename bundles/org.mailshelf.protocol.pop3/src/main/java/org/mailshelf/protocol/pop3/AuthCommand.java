package org.mailshelf.protocol.pop3;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.mailshelf.protocol.Ascii;
import org.mailshelf.protocol.pop3.SessionState.Authorization;
import org.mailshelf.protocol.pop3.SessionState.AwaitingSaslResponse;

/**
 * AUTH (RFC 5034) with the PLAIN mechanism, with or without initial response. AUTH alone lists the mechanisms,
 * as many clients expect.
 */
final class AuthCommand implements Command {

    static final String PLAIN = "PLAIN";

    @Override
    public void execute(Pop3Session session, String argument) {
        List<String> args = Arguments.split(argument);
        if (args.isEmpty()) {
            session.reply(Reply.multiLine("Supported mechanisms follow", List.of(PLAIN)));
            return;
        }
        if (args.size() > 2) {
            throw new Pop3Error("Too many arguments, usage: AUTH mechanism [initial-response]");
        }
        if (!args.get(0).toUpperCase(Locale.ROOT).equals(PLAIN)) {
            throw new Pop3Error("Unsupported authentication mechanism");
        }
        session.requirePrivacy();
        session.become(Authorization.START);
        if (args.size() == 1) {
            session.become(new AwaitingSaslResponse(PLAIN));
            session.reply(Ascii.bytes("+ \r\n"));
            return;
        }
        String initial = args.get(1);
        respond(session, initial.equals("=") ? "" : initial); // "=" is an empty initial response
    }

    /** The line after "+ ": the client's response, or "*" to cancel. */
    static void continueExchange(Pop3Session session, byte[] line) {
        session.become(Authorization.START);
        String response = Ascii.text(line).strip();
        if (response.equals("*")) {
            session.reply(Reply.err("Authentication cancelled"));
            return;
        }
        respond(session, response);
    }

    private static void respond(Pop3Session session, String base64) {
        byte[] message;
        try {
            message = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Pop3Error("Invalid base64 in the authentication response");
        }
        SaslPlain.Credentials credentials = SaslPlain.decode(message);
        Login.attempt(session, credentials.authcid(), credentials.password());
    }
}
