package org.mailshelf.mime.internal;

/**
 * One entry of an IMAP address list (RFC 3501 7.4.2). Group syntax is flattened as IMAP wants it: a start marker
 * with the group name as {@code mailbox} and no host, and an end marker with all four fields null.
 */
public record Address(String name, String route, String mailbox, String host) {

    static Address groupStart(String name) {
        return new Address(null, null, name, null);
    }

    static Address groupEnd() {
        return new Address(null, null, null, null);
    }
}
