package org.mailshelf.protocol.pop3;

/** Where a session is; each state carries only what is valid in it. */
sealed interface SessionState {

    /** Before login. {@code user} is the name given by USER, or null if PASS cannot follow. */
    record Authorization(String user) implements SessionState {
        static final Authorization START = new Authorization(null);
    }

    /**
     * AUTH sent "+ ..." and the next line is the client's SASL response, not a command; for LOGIN, {@code user}
     * is the name already given (null while the server still asks for it).
     */
    record AwaitingSaslResponse(String mechanism, String user) implements SessionState {
    }

    /** Logged in, holding the maildrop lock. */
    record Transaction(Maildrop maildrop) implements SessionState {
    }

    /** QUIT done or connection gone: input is ignored. */
    record Closed() implements SessionState {
    }
}
