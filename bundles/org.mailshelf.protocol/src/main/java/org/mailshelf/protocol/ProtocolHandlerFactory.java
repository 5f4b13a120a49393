package org.mailshelf.protocol;

/** Makes the handler for each accepted connection. */
@FunctionalInterface
public interface ProtocolHandlerFactory {
    ProtocolHandler create(Connection connection);
}
