package org.mailshelf.protocol.imap.codec;

/** The condition of a status response (RFC 3501 section 7.1). */
public enum Status {
    OK, NO, BAD, PREAUTH, BYE
}
