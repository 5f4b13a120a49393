package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.Status;

/** A command ends with a tagged NO (or BAD) carrying an optional response code; the text never holds secrets. */
final class ImapFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String code;

    private ImapFailure(Status status, String code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ImapFailure no(String code, String text) {
        return new ImapFailure(Status.NO, code, text);
    }

    static ImapFailure bad(String text) {
        return new ImapFailure(Status.BAD, null, text);
    }

    Status status() {
        return status;
    }

    /** The response code, or null. */
    String code() {
        return code;
    }
}
