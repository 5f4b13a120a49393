package org.mailshelf.protocol.pop3;

import java.util.ArrayList;
import java.util.List;

/** LIST [msg] (RFC 1939 §5): exact stored sizes in octets. */
final class ListCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        String token = Arguments.optional(argument, "LIST [msg]");
        Maildrop maildrop = session.maildrop();
        if (token != null) {
            int n = Arguments.messageNumber(token);
            session.reply(Reply.ok(n + " " + maildrop.message(n).size()));
            return;
        }
        List<String> lines = new ArrayList<>(maildrop.count());
        for (int n = 1; n <= maildrop.highestNumber(); n++) {
            if (!maildrop.isDeleted(n)) {
                lines.add(n + " " + maildrop.message(n).size());
            }
        }
        session.reply(Reply.multiLine(maildrop.count() + " messages (" + maildrop.octets() + " octets)", lines));
    }
}
