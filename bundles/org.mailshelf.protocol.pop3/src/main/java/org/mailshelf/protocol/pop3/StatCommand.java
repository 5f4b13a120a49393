package org.mailshelf.protocol.pop3;

/** STAT (RFC 1939 §5): count and octets of the messages not marked deleted. */
final class StatCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        Maildrop maildrop = session.maildrop();
        session.reply(Reply.ok(maildrop.count() + " " + maildrop.octets()));
    }
}
