package org.mailshelf.store.derby.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.mailshelf.api.store.MailboxEvent;
import org.mailshelf.api.store.MailboxListener;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of each mailbox, and the order in which they hear of changes. Changes to one mailbox run one
 * at a time from transaction to publication (its write lock), so every listener sees them in the order they
 * became durable: an IMAP session must not learn of UID 7 before UID 6. The database serializes them anyway on
 * the mailbox row; holding the lock to the end of publication costs only the listeners' time.
 *
 * <p>Readers that take the read lock see no change to the mailbox under way, which lets a listing skip
 * Derby's row locks. This holds because every writer to the database goes through this one object: an
 * embedded database belongs to one store instance.
 */
final class MailboxEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxEvents.class);

    /** What a change returns to its caller, and the event to publish (null: nothing changed). */
    record Change<T>(T result, MailboxEvent event) {
    }

    private static final class Channel {
        final ReadWriteLock lock = new ReentrantReadWriteLock();
        final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
    }

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

    private Channel channel(long mailboxId) {
        return channels.computeIfAbsent(mailboxId, id -> new Channel());
    }

    /** Runs a change to the mailbox (which commits), then publishes its event, all under the write lock. */
    <T> T change(long mailboxId, Supplier<Change<T>> work) {
        Channel channel = channel(mailboxId);
        Lock lock = channel.lock.writeLock();
        lock.lock();
        try {
            Change<T> change = work.get();
            if (change.event() != null) {
                publish(channel, change.event());
            }
            return change.result();
        } catch (MailboxNotFoundException e) {
            forget(mailboxId); // ids are never reused: drop what asking for a gone mailbox made
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** What a change to several mailboxes returns to its caller, and the events to publish, in order. */
    record Changes<T>(T result, List<MailboxEvent> events) {
    }

    /**
     * Runs a change to several mailboxes (a copy or move) under all their write locks, taken in ascending id
     * order so that two such changes cannot deadlock, then publishes each event to its mailbox's listeners.
     * Unlike {@link #change}, a missing mailbox does not drop the channels: the other one may well exist.
     */
    <T> T changeAll(Collection<Long> mailboxIds, Supplier<Changes<T>> work) {
        List<Lock> locks = new ArrayList<>();
        try {
            for (long id : new TreeSet<>(mailboxIds)) {
                Lock lock = channel(id).lock.writeLock();
                lock.lock();
                locks.add(lock);
            }
            Changes<T> changes = work.get();
            for (MailboxEvent event : changes.events()) {
                publish(channel(event.mailboxId()), event);
            }
            return changes.result();
        } finally {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).unlock();
            }
        }
    }

    /** Runs a read of the mailbox while no change to it is under way (a listener may read, too). */
    <T> T read(long mailboxId, Supplier<T> work) {
        Lock lock = channel(mailboxId).lock.readLock();
        lock.lock();
        try {
            return work.get();
        } catch (MailboxNotFoundException e) {
            forget(mailboxId);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    Subscription subscribe(long mailboxId, MailboxListener listener) {
        List<MailboxListener> listeners = channel(mailboxId).listeners;
        MailboxListener own = listener::changed; // a distinct entry, so closing one subscription removes only it
        listeners.add(own);
        return () -> listeners.remove(own);
    }

    /** Drops the listeners of a deleted mailbox (they have been told). */
    void forget(long mailboxId) {
        channels.remove(mailboxId);
    }

    private static void publish(Channel channel, MailboxEvent event) {
        for (MailboxListener l : channel.listeners) {
            try {
                l.changed(event);
            } catch (RuntimeException e) {
                // the change is durable; one broken session must not fail it or starve the others
                LOG.warn("A mailbox listener failed on " + event, e);
            }
        }
    }
}
