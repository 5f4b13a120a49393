package org.mailshelf.protocol.pop3;

import org.mailshelf.protocol.pop3.SessionState.Transaction;

/**
 * QUIT (RFC 1939 §6). After login it enters the UPDATE state: the messages marked deleted are expunged, then the
 * lock is released before the answer, so the client may log in again as soon as it reads it.
 */
final class QuitCommand implements Command {

    @Override
    public void execute(Pop3Session session, String argument) {
        if (session.state() instanceof Transaction transaction) {
            session.reply(update(session, transaction.maildrop()));
        } else {
            session.reply(Reply.ok("Bye"));
        }
        session.end();
    }

    private static byte[] update(Pop3Session session, Maildrop maildrop) {
        try {
            int deleted = maildrop.expungeDeleted();
            return Reply.ok("Bye, " + deleted + " messages deleted");
        } catch (RuntimeException e) {
            return Reply.err("[SYS/TEMP] some deleted messages not removed");
        } finally {
            session.services().locks().unlock(maildrop.account());
        }
    }
}
