package org.mailshelf.protocol.lmtp;

/** A command line that cannot be parsed; carries the reply that says why. */
final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    SyntaxException(int code, String text) {
        // no stack trace: this is an answer to the client, not a fault of the server
        super(text, null, false, false);
        this.reply = Reply.of(code, text);
    }

    /** 501 5.5.4 with a usage hint. */
    static SyntaxException usage(String usage) {
        return new SyntaxException(501, "5.5.4 Syntax: " + usage);
    }

    Reply reply() {
        return reply;
    }
}
