package org.mailshelf.protocol.pop3;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.mailshelf.protocol.Ascii;
import org.mailshelf.protocol.pop3.SessionState.Authorization;
import org.mailshelf.protocol.pop3.SessionState.AwaitingSaslResponse;

/**
 * AUTH (RFC 5034) with PLAIN, and LOGIN (the obsolete but common two-step exchange: base64 "Username:", then
 * "Password:"), with or without initial response. AUTH alone lists the mechanisms, as many clients expect.
 */
final class AuthCommand implements Command {

    static final String PLAIN = "PLAIN";
    static final String LOGIN = "LOGIN";
    static final List<String> MECHANISMS = List.of(PLAIN, LOGIN);
    private static final String USERNAME_PROMPT = "+ VXNlcm5hbWU6\r\n";
    private static final String PASSWORD_PROMPT = "+ UGFzc3dvcmQ6\r\n";

    @Override
    public void execute(Pop3Session session, String argument) {
        List<String> args = Arguments.split(argument);
        if (args.isEmpty()) {
            session.reply(Reply.multiLine("Supported mechanisms follow", MECHANISMS));
            return;
        }
        if (args.size() > 2) {
            throw new Pop3Error("Too many arguments, usage: AUTH mechanism [initial-response]");
        }
        String mechanism = args.get(0).toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(mechanism)) {
            throw new Pop3Error("Unsupported authentication mechanism");
        }
        session.requirePrivacy();
        session.become(Authorization.START);
        String initial = args.size() == 1 ? null : args.get(1).equals("=") ? "" : args.get(1); // "=": empty
        if (mechanism.equals(LOGIN)) {
            if (initial == null) {
                session.become(new AwaitingSaslResponse(LOGIN, null));
                session.reply(Ascii.bytes(USERNAME_PROMPT));
            } else {
                askPassword(session, initial);
            }
        } else if (initial == null) {
            session.become(new AwaitingSaslResponse(PLAIN, null));
            session.reply(Ascii.bytes("+ \r\n"));
        } else {
            respond(session, initial);
        }
    }

    /** The line after "+ ...": the client's response, or "*" to cancel. */
    static void continueExchange(Pop3Session session, byte[] line) {
        AwaitingSaslResponse exchange = (AwaitingSaslResponse) session.state();
        session.become(Authorization.START);
        String response = Ascii.text(line).strip();
        if (response.equals("*")) {
            session.reply(Reply.err("Authentication cancelled"));
        } else if (!exchange.mechanism().equals(LOGIN)) {
            respond(session, response);
        } else if (exchange.user() == null) {
            askPassword(session, response);
        } else {
            byte[] password = decode(response);
            Login.attempt(session, exchange.user(), SaslPlain.chars(password, 0));
            Arrays.fill(password, (byte) 0);
        }
    }

    private static void askPassword(Pop3Session session, String base64User) {
        String user = new String(decode(base64User), StandardCharsets.UTF_8);
        session.become(new AwaitingSaslResponse(LOGIN, user));
        session.reply(Ascii.bytes(PASSWORD_PROMPT));
    }

    private static void respond(Pop3Session session, String base64) {
        SaslPlain.Credentials credentials = SaslPlain.decode(decode(base64));
        Login.attempt(session, credentials.authcid(), credentials.password());
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Pop3Error("Invalid base64 in the authentication response");
        }
    }
}
