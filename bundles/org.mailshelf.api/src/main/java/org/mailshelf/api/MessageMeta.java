package org.mailshelf.api;

import java.time.Instant;

/**
 * What a store knows about one message without reading its content.
 *
 * @param uid          unique and strictly increasing within its mailbox, never reused under one UIDVALIDITY
 * @param modSeq       the mod-sequence of the last change to this message (RFC 7162)
 * @param size         the exact size of the stored content in bytes
 * @param internalDate when the message arrived
 * @param flags        the stored flags
 */
public record MessageMeta(long uid, long modSeq, long size, Instant internalDate, Flags flags) {

    public MessageMeta withFlags(Flags newFlags, long newModSeq) {
        return new MessageMeta(uid, newModSeq, size, internalDate, newFlags);
    }
}
