package org.mailshelf.protocol.pop3;

/** DELE msg (RFC 1939 §5): only marks the message; QUIT removes it. */
final class DeleCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        int n = Arguments.messageNumber(Arguments.exactly(argument, 1, "DELE msg").get(0));
        session.maildrop().delete(n);
        session.reply(Reply.ok("message " + n + " deleted"));
    }
}
