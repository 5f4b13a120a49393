package org.mailshelf.protocol.pop3;

/** RSET (RFC 1939 §5): unmarks every message marked deleted in this session. */
final class RsetCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        Maildrop maildrop = session.maildrop();
        maildrop.undeleteAll();
        session.reply(Reply.ok("maildrop has " + maildrop.count() + " messages (" + maildrop.octets() + " octets)"));
    }
}
