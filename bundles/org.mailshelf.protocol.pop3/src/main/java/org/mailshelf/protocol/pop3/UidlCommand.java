package org.mailshelf.protocol.pop3;

import java.util.ArrayList;
import java.util.List;

/** UIDL [msg] (RFC 1939 §7): ids stay the same across sessions, so clients can leave mail on the server. */
final class UidlCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        String token = Arguments.optional(argument, "UIDL [msg]");
        Maildrop maildrop = session.maildrop();
        if (token != null) {
            int n = Arguments.messageNumber(token);
            session.reply(Reply.ok(n + " " + maildrop.uniqueId(n)));
            return;
        }
        List<String> lines = new ArrayList<>(maildrop.count());
        for (int n = 1; n <= maildrop.highestNumber(); n++) {
            if (!maildrop.isDeleted(n)) {
                lines.add(n + " " + maildrop.uniqueId(n));
            }
        }
        session.reply(Reply.multiLine("Unique-id listing follows", lines));
    }
}
