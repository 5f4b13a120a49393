package org.mailshelf.protocol.pop3;

/** One POP3 command. Implementations are stateless; everything per connection is in the session. */
@FunctionalInterface
interface Command {

    /**
     * Runs the command and writes its response. The session has already checked that the command is valid in
     * its state.
     *
     * @param argument everything after the first space of the line, unchanged (empty if none)
     * @throws Pop3Error to answer {@code -ERR} with the error's message
     */
    void execute(Pop3Session session, String argument);
}
