package org.mailshelf.protocol.pop3;

/** STLS (RFC 2595): not offered yet, and not listed in CAPA. */
final class StlsCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        session.reply(Reply.err("STLS is not available"));
    }
}
