package org.mailshelf.protocol.pop3;

/** The RFC 1939 states in which commands are accepted; UPDATE happens inside QUIT and takes no commands. */
enum Phase {
    AUTHORIZATION, TRANSACTION
}
