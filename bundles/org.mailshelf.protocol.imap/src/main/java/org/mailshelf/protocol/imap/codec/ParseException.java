package org.mailshelf.protocol.imap.codec;

/**
 * A command, argument or value that does not follow the IMAP grammar. The message is written for the client:
 * the session sends it as the text of a {@code BAD} response, so it names what was wrong and never echoes
 * argument values (they may be credentials).
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParseException(String message) {
        super(message);
    }
}
