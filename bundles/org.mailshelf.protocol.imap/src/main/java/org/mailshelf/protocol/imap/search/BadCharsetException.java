package org.mailshelf.protocol.imap.search;

import java.util.List;

/**
 * SEARCH named a CHARSET this server does not search in. The session answers
 * {@code tag NO [BADCHARSET (US-ASCII UTF-8)] ...} (RFC 3501 section 6.4.4), using {@link #responseCode()}.
 * The message never contains the client's charset name.
 */
public final class BadCharsetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The charsets SEARCH accepts, in the order the response code lists them. */
    public static final List<String> SUPPORTED = List.of("US-ASCII", "UTF-8");

    public BadCharsetException() {
        super("Unsupported charset");
    }

    /** {@code BADCHARSET (US-ASCII UTF-8)}, for {@code ResponseWriter.status(tag, NO, code, text)}. */
    public String responseCode() {
        return "BADCHARSET (" + String.join(" ", SUPPORTED) + ")";
    }
}
