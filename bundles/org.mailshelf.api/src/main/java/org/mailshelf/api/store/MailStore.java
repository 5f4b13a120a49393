package org.mailshelf.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A durable mailbox store. Every method is thread-safe; every method that changes state has made the change
 * durable when it returns, so a protocol may acknowledge it at once. Implementations prove themselves by
 * passing {@code MailStoreContract} from this bundle's test artifact.
 */
@ProviderType
public interface MailStore {

    List<MailboxInfo> mailboxes(String user);

    Optional<MailboxInfo> mailbox(String user, String name);

    /** @throws MailboxExistsException if the user already has a mailbox of that name */
    MailboxInfo createMailbox(String user, String name);

    /** Deletes the mailbox and its messages. @throws MailboxNotFoundException if there is none */
    void deleteMailbox(String user, String name);

    /** Removes every mailbox and message of a user. */
    void deleteAllMailboxes(String user);

    /**
     * Stores a message byte-exact. The new UID is greater than any UID the mailbox ever had.
     *
     * @throws MailboxNotFoundException if the mailbox is gone
     */
    MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate);

    /** The metadata of every message in the mailbox, in ascending UID order. */
    List<MessageMeta> messages(long mailboxId);

    /** The exact bytes stored for a message. @throws MessageNotFoundException if it was expunged */
    byte[] content(long mailboxId, long uid);

    /**
     * Changes flags on the given messages; UIDs that no longer exist are skipped.
     *
     * @return the messages whose flags changed, with their new mod-sequence
     */
    List<MessageMeta> updateFlags(long mailboxId, Collection<Long> uids, FlagUpdate update, Flags flags);

    /**
     * Removes messages; UIDs that no longer exist are skipped.
     *
     * @return the UIDs that this call removed, ascending
     */
    List<Long> expunge(long mailboxId, Collection<Long> uids);

    /**
     * Tells the listener of every later change to the mailbox, on the thread that made the change, after it
     * is durable. Close the subscription to stop.
     */
    Subscription subscribe(long mailboxId, MailboxListener listener);

    /** How {@link #updateFlags} combines the given flags with the stored ones. */
    enum FlagUpdate {
        REPLACE, ADD, REMOVE;

        public Flags apply(Flags current, Flags given) {
            return switch (this) {
                case REPLACE -> given;
                case ADD -> current.add(given);
                case REMOVE -> current.remove(given);
            };
        }
    }
}
