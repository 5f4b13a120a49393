package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.SessionState.NotAuthenticated;

/**
 * What the server offers (RFC 3501 section 7.2.1). STARTTLS is not offered until TLS is wired in; AUTH=PLAIN
 * only before login. QRESYNC (RFC 7162) is complete: ENABLE QRESYNC, SELECT / EXAMINE (QRESYNC ...) with
 * VANISHED (EARLIER), UID FETCH ... (CHANGEDSINCE n VANISHED), and VANISHED for expunges in the session.
 */
final class Capabilities {

    private static final String COMMON = "IMAP4rev1 SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN"
            + " CONDSTORE QRESYNC STATUS=SIZE ESEARCH LIST-EXTENDED LIST-STATUS SPECIAL-USE";

    private Capabilities() {
    }

    /** The list as a response code: {@code CAPABILITY IMAP4rev1 ...}. */
    static String line(ImapSession session) {
        ImapConfig config = session.services().config();
        StringBuilder b = new StringBuilder("CAPABILITY ").append(COMMON);
        b.append(config.limits().literalMinus() ? " LITERAL-" : " LITERAL+");
        b.append(" APPENDLIMIT=").append(config.appendLimit());
        if (session.state() instanceof NotAuthenticated) {
            b.append(" AUTH=PLAIN");
        }
        return b.toString();
    }
}
