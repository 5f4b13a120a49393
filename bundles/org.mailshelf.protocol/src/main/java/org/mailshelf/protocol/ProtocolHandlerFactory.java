package org.mailshelf.protocol;

/** Makes the handler for each accepted connection. */
@FunctionalInterface
public interface ProtocolHandlerFactory {
    ProtocolHandler create(Connection connection);

    /**
     * What to send a client that is refused before its session starts (too many connections), so it learns why
     * instead of seeing the connection drop; null to close without a word.
     */
    default byte[] refusal(String reason) {
        return null;
    }
}
