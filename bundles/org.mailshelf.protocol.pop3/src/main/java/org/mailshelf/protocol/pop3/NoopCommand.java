package org.mailshelf.protocol.pop3;

/** NOOP (RFC 1939 §5). */
final class NoopCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        Arguments.none(argument);
        session.reply(Reply.ok(""));
    }
}
