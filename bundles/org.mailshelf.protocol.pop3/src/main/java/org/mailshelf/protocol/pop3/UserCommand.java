package org.mailshelf.protocol.pop3;

import org.mailshelf.protocol.pop3.SessionState.Authorization;

/** USER name (RFC 1939 §7). The answer does not tell whether the user exists. */
final class UserCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        session.requirePrivacy();
        String user = argument.strip();
        if (user.isEmpty()) {
            throw new Pop3Error("Missing user name");
        }
        session.become(new Authorization(user));
        session.reply(Reply.ok("Send PASS"));
    }
}
