package org.mailshelf.admin.internal;

/** The input is not well-formed JSON; the message says where, and is safe to show to the client. */
final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JsonException(String message) {
        super(message);
    }
}
