package org.mailshelf.protocol.pop3;

import java.util.List;

/**
 * CAPA (RFC 2449). The same list in both states; AUTH-RESP-CODE (RFC 3206) because failed logins carry [AUTH].
 */
final class CapaCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        session.reply(Reply.multiLine("Capability list follows", List.of(
                "TOP",
                "UIDL",
                "USER",
                "RESP-CODES",
                "AUTH-RESP-CODE",
                "PIPELINING",
                "SASL " + AuthCommand.PLAIN,
                "IMPLEMENTATION " + session.services().config().implementation())));
    }
}
