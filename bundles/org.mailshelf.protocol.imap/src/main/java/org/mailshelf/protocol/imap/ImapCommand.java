package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * One IMAP command: parses its arguments into a request and processes it. Implementations are stateless;
 * everything per connection is in the session. The session has already checked that the command is valid in
 * its state.
 */
@FunctionalInterface
interface ImapCommand {

    /**
     * Answers through {@link ImapSession#complete} (or later, e.g. after a login delay or IDLE).
     *
     * @param args the arguments after the command name (after the sub-command for UID commands)
     * @throws ParseException to answer {@code BAD} with its message
     * @throws ImapFailure    to answer {@code NO} (or {@code BAD}) with a code and text
     */
    void execute(ImapSession session, String tag, ArgumentReader args) throws ParseException;
}
