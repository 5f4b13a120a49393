package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.SessionState.NotAuthenticated;

/**
 * What the server offers (RFC 3501 section 7.2.1). STARTTLS is not offered until TLS is wired in; AUTH=PLAIN
 * only before login. QRESYNC is held back until SELECT (QRESYNC ...) and VANISHED (EARLIER) exist: a client
 * that saw it would resynchronise through them (ENABLE QRESYNC already switches expunges to VANISHED).
 */
final class Capabilities {

    private static final String COMMON = "IMAP4rev1 SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN"
            + " CONDSTORE STATUS=SIZE";

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
