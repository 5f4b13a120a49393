package org.mailshelf.protocol.pop3;

import org.mailshelf.protocol.pop3.SessionState.Authorization;

/** PASS string (RFC 1939 §7). The whole rest of the line is the password: it may contain spaces. */
final class PassCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        session.requirePrivacy();
        String user = ((Authorization) session.state()).user();
        if (user == null) {
            throw new Pop3Error("Send USER first");
        }
        if (argument.isEmpty()) {
            throw new Pop3Error("Missing password");
        }
        session.become(Authorization.START); // success or not, the next PASS needs a new USER
        Login.attempt(session, user, argument.toCharArray());
    }
}
