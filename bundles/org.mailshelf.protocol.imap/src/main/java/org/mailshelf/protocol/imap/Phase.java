package org.mailshelf.protocol.imap;

/** The states of RFC 3501 section 3, as the command table names them. */
enum Phase {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
}
