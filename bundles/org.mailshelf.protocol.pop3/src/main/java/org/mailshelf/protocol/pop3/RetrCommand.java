package org.mailshelf.protocol.pop3;

/** RETR msg (RFC 1939 §5): the stored bytes, dot-stuffed, as one write. */
final class RetrCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        int n = Arguments.messageNumber(Arguments.exactly(argument, 1, "RETR msg").get(0));
        byte[] content = session.maildrop().content(n);
        session.reply(Reply.message(content.length + " octets", content, content.length));
    }
}
