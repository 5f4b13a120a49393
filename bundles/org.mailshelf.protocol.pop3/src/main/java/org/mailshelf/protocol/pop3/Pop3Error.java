package org.mailshelf.protocol.pop3;

/** Thrown by a command to answer {@code -ERR <message>}; the session goes on. */
final class Pop3Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Pop3Error(String message) {
        super(message, null, false, false); // control flow, not a fault: no stack trace
    }
}
