package org.mailshelf.api.store;

import java.util.List;

import org.mailshelf.api.MessageMeta;

/** A durable change to one mailbox, as published to {@link MailboxListener}s. */
public sealed interface MailboxEvent {

    long mailboxId();

    /** New messages, ascending UID. */
    record Added(long mailboxId, List<MessageMeta> messages) implements MailboxEvent {
    }

    /** Messages whose flags changed, with their new flags and mod-sequence. */
    record FlagsChanged(long mailboxId, List<MessageMeta> messages) implements MailboxEvent {
    }

    /** Messages removed, ascending UID, at the given mod-sequence. */
    record Expunged(long mailboxId, List<Long> uids, long modSeq) implements MailboxEvent {
    }

    /** The mailbox itself is gone; sessions that have it selected must let go of it. */
    record Deleted(long mailboxId) implements MailboxEvent {
    }
}
