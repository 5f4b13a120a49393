package org.mailshelf.api.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /** Removes every mailbox, message and subscription of a user. */
    void deleteAllMailboxes(String user);

    /**
     * Renames a mailbox and every mailbox below it in the hierarchy ({@code /}): "A" to "B" also renames "A/x"
     * to "B/x". Renamed mailboxes keep their id, UIDVALIDITY, UIDs and listeners. Subscriptions are not changed.
     *
     * <p>Renaming {@code INBOX} is special (RFC 3501 6.3.5): every message in INBOX moves to a new mailbox
     * {@code to} (new UIDVALIDITY, new UIDs, in one transaction), INBOX stays and is empty, and mailboxes below
     * INBOX are not renamed. INBOX's listeners hear {@link MailboxEvent.Expunged}; nobody can listen to the new
     * mailbox before it exists, so nothing is published for it.
     *
     * @throws MailboxNotFoundException if {@code from} does not exist
     * @throws MailboxExistsException   if {@code to} or any new name of a renamed child exists at the time of
     *                                  the call (the mailboxes being renamed included); nothing is renamed then
     * @throws StoreException           if {@code to} is {@code from} itself or below it
     */
    void renameMailbox(String user, String from, String to);

    /** The names the user subscribed to (IMAP LSUB), which need not name existing mailboxes. */
    Set<String> subscriptions(String user);

    /** Adds a name to the user's subscriptions; subscribing twice is not an error. */
    void subscribe(String user, String name);

    /** Removes a name from the user's subscriptions; removing a name not there is not an error. */
    void unsubscribe(String user, String name);

    /**
     * Stores a message byte-exact, with its {@linkplain #structure MIME analysis}. The new UID is greater than
     * any UID the mailbox ever had.
     *
     * @throws MailboxNotFoundException if the mailbox is gone
     */
    MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate);

    /** The metadata of every message in the mailbox, in ascending UID order. */
    List<MessageMeta> messages(long mailboxId);

    /** The exact bytes stored for a message. @throws MessageNotFoundException if it was expunged */
    byte[] content(long mailboxId, long uid);

    /**
     * {@link #content} of several messages in one call, for a FETCH of a message set: one store round trip
     * instead of one per message. UIDs that do not exist are absent from the result, never an error. The
     * caller keeps a batch small enough to hold in memory at once. The default asks for each message.
     *
     * @return UID to stored bytes, iterating in ascending UID order
     * @since 1.5
     */
    default Map<Long, byte[]> contents(long mailboxId, Collection<Long> uids) {
        Map<Long, byte[]> found = new TreeMap<>();
        for (long uid : new TreeSet<>(uids)) {
            try {
                found.put(uid, content(mailboxId, uid));
            } catch (MessageNotFoundException e) {
                // expunged: left out
            }
        }
        return found;
    }

    /**
     * The MIME analysis of a message: the serialized {@code org.mailshelf.mime.MessageStructure}, exactly
     * {@code MessageAnalyzer.analyze(content).toBytes()} of bundle {@code org.mailshelf.mime}, read back with
     * {@code MessageStructure.fromBytes}. The store computes it once, when it receives the message (append, and
     * never again for a copy, move or rename, which keep it), so IMAP answers FETCH ENVELOPE, BODYSTRUCTURE,
     * BODY[section] and SEARCH on headers without parsing the message. This API does not depend on that bundle:
     * to it the structure is opaque bytes.
     *
     * <p>A store that finds a stored structure it cannot read (damaged, or written by an older format) computes
     * it again from the content, so callers always get the current format.
     *
     * @throws MessageNotFoundException if the message was expunged (or never existed)
     * @since 1.2
     */
    byte[] structure(long mailboxId, long uid);

    /**
     * {@link #structure} of many messages in one call, for a FETCH of a message set. UIDs that do not exist are
     * absent from the result, never an error.
     *
     * @return UID to serialized structure, iterating in ascending UID order
     * @throws MailboxNotFoundException if the mailbox does not exist
     * @since 1.2
     */
    Map<Long, byte[]> structures(long mailboxId, Collection<Long> uids);

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
     * Copies messages to another (or the same) mailbox (IMAP COPY, UIDPLUS COPYUID). UIDs that do not exist are
     * skipped. The copies keep the content byte-exact, the {@linkplain #structure structure}, the flags and the
     * internal date, and get new UIDs,
     * strictly increasing in the order of the source UIDs. The target's listeners hear one
     * {@link MailboxEvent.Added}.
     *
     * @return one entry per copied message, ascending source UID
     * @throws MailboxNotFoundException if either mailbox does not exist (nothing is copied)
     */
    List<CopiedMessage> copy(long fromMailboxId, Collection<Long> uids, long toMailboxId);

    /**
     * Moves messages atomically (IMAP MOVE, RFC 6851): like {@link #copy} followed by {@link #expunge} of the
     * originals, in one transaction. The target's listeners hear {@link MailboxEvent.Added}, the source's
     * {@link MailboxEvent.Expunged}; the source keeps a tombstone of each moved UID for
     * {@link #expungedSince}.
     *
     * @return one entry per moved message, ascending source UID
     * @throws MailboxNotFoundException if either mailbox does not exist (nothing is moved)
     */
    List<CopiedMessage> move(long fromMailboxId, Collection<Long> uids, long toMailboxId);

    /**
     * The numbers IMAP STATUS and SELECT report, in one consistent look, without reading any content.
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    MailboxCounts counts(long mailboxId);

    /**
     * The messages whose mod-sequence is greater than the given one, ascending UID (CONDSTORE CHANGEDSINCE).
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    List<MessageMeta> changedSince(long mailboxId, long modSeq);

    /**
     * The UIDs expunged or moved away from the mailbox at a mod-sequence greater than the given one, ascending
     * (QRESYNC VANISHED (EARLIER)). A store may cap this history and must say so; the stores in Mailshelf keep
     * all of it for as long as the mailbox exists.
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    List<Long> expungedSince(long mailboxId, long modSeq);

    /**
     * Claims the mailbox's recent messages for the calling session (IMAP {@code \Recent}, RFC 3501): atomically
     * returns the mailbox's recent-floor and advances it to the mailbox's UIDNEXT, so that exactly one session
     * sees each message as recent. For the caller, the messages with a UID at or above the returned value that
     * existed at the time of the call are recent. The floor survives a restart.
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    long claimRecent(long mailboxId);

    /**
     * Like {@link #claimRecent}, but says exactly which UIDs were claimed, so a message that arrives between the
     * claim and a later listing is not taken as recent by this caller as well as by the next one.
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    RecentClaim claimRecentRange(long mailboxId);

    /**
     * The mailbox's recent-floor without claiming anything (for IMAP EXAMINE and STATUS RECENT, which must not
     * take \Recent away from the next session that selects the mailbox).
     *
     * @throws MailboxNotFoundException if the mailbox does not exist
     */
    long recentFloor(long mailboxId);

    /**
     * Tells the listener of every later change to the mailbox, on the thread that made the change, after it
     * is durable. Close the subscription to stop.
     */
    Subscription subscribe(long mailboxId, MailboxListener listener);

    /**
     * What a protocol keeps of its own about a mailbox between restarts, such as IMAP's search index: derived
     * from the messages, so it may always be lost and made again. Kept with the mailbox (a backup and its restore
     * keep both together) and deleted with it. The default keeps nothing.
     *
     * @param kind names the data and its format, e.g. {@code imap-search-1}
     * @return the bytes last kept under this kind, or empty
     * @since 1.6
     */
    default Optional<byte[]> derived(long mailboxId, String kind) {
        return Optional.empty();
    }

    /**
     * Keeps {@code data} for {@link #derived}, replacing what was kept under the kind; nothing happens if the
     * mailbox no longer exists. The default keeps nothing.
     *
     * @since 1.6
     */
    default void keepDerived(long mailboxId, String kind, byte[] data) {
    }

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
