package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.SessionState.NotAuthenticated;

/**
 * What the server offers (RFC 3501 section 7.2.1). Before login: STARTTLS where the connection can switch
 * to TLS, and AUTH=PLAIN, or LOGINDISABLED where passwords may not be sent in the clear. QRESYNC (RFC 7162) is complete: ENABLE QRESYNC, SELECT / EXAMINE (QRESYNC ...) with
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
            if (session.canStartTls()) {
                b.append(" STARTTLS");
            }
            b.append(session.loginAllowed() ? " AUTH=PLAIN AUTH=LOGIN" : " LOGINDISABLED");
        }
        return b.toString();
    }
}
