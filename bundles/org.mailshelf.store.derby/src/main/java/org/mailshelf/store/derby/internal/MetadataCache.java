package org.mailshelf.store.derby.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata of recently used mailboxes in memory, so that SELECT, STATUS and CHANGEDSINCE do not scan the
 * database. Always consistent because this store is the only writer of its database and every writer patches
 * the mailbox's entry after its commit, while still holding the mailbox's write lock ({@link MailboxEvents});
 * an entry is loaded only under the mailbox's read (or write) lock, so no change can slip between the load and
 * its installation. On any doubt (an exception, a UID that is not where it should be) the entry is dropped:
 * the next read loads it again.
 *
 * <p>Bounded: least recently used mailboxes are evicted while the total weight (messages + 1 per mailbox)
 * exceeds the budget; a mailbox larger than the whole budget is never cached. Budget 0 disables the cache.
 *
 * <p>Data structure: each {@link Snapshot} is immutable to its readers and hands out a list view without
 * copying. Appends, the common change, are O(1) amortized: the snapshot's array has spare capacity, the new
 * snapshot writes the next free slot and shares the array (older snapshots end before that slot, and only the
 * newest snapshot of an array may write into it: {@link Slots#used}). Flag changes and expunges copy the array
 * once per call, O(n): one {@code System.arraycopy}-sized pass, some 0.1 ms at 100,000 messages, which is small
 * beside their database work (about 100 µs per flagged message). A persistent tree would make those O(log n)
 * but slow every listing and iteration and cost more memory per message; not worth it here.
 */
final class MetadataCache {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataCache.class);
    private static final int LOAD_STRIPES = 64;

    /** An array shared by a chain of snapshots that appended to it; {@code used} is the newest one's size. */
    private static final class Slots {
        final MessageMeta[] array;
        int used; // written only under the mailbox's write lock (or by the loader, before publication)

        Slots(MessageMeta[] array, int used) {
            this.array = array;
            this.used = used;
        }
    }

    /** One mailbox's metadata and counts at one moment. */
    static final class Snapshot {
        private final Slots slots;
        private final MessageMeta[] array;
        final int size;
        final int unseen;
        final long bytes;
        final long uidNext;
        final long uidValidity;
        final long highestModSeq;
        private final List<MessageMeta> view;

        private Snapshot(Slots slots, int size, int unseen, long bytes, long uidNext, long uidValidity,
                long highestModSeq) {
            this.slots = slots;
            this.array = slots.array;
            this.size = size;
            this.unseen = unseen;
            this.bytes = bytes;
            this.uidNext = uidNext;
            this.uidValidity = uidValidity;
            this.highestModSeq = highestModSeq;
            this.view = new View(array, size);
        }

        /** From a listing in ascending UID order and the mailbox row (uid_validity, uid_next, highest_modseq). */
        static Snapshot of(List<MessageMeta> messages, long[] state) {
            MessageMeta[] array = messages.toArray(new MessageMeta[capacityFor(messages.size())]);
            int unseen = 0;
            long bytes = 0;
            for (MessageMeta m : messages) {
                unseen += m.flags().has(Flags.SEEN) ? 0 : 1;
                bytes += m.size();
            }
            return new Snapshot(new Slots(array, messages.size()), messages.size(), unseen, bytes, state[1],
                    state[0], state[2]);
        }

        /** The messages in ascending UID order: an immutable view, no copy. */
        List<MessageMeta> messages() {
            return view;
        }

        List<MessageMeta> changedSince(long modSeq) {
            if (modSeq >= highestModSeq) {
                return List.of(); // the common CONDSTORE question of a client that is up to date
            }
            List<MessageMeta> changed = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (array[i].modSeq() > modSeq) {
                    changed.add(array[i]);
                }
            }
            return changed;
        }

        long weight() {
            return size + 1L;
        }

        private int indexOf(long uid) {
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long u = array[mid].uid();
                if (u < uid) {
                    lo = mid + 1;
                } else if (u > uid) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -1;
        }

        /** New messages, ascending UIDs all above this snapshot's last one. */
        Snapshot append(List<MessageMeta> added, long newUidNext, long newHighestModSeq) {
            long last = size == 0 ? 0 : array[size - 1].uid();
            int unseen2 = unseen;
            long bytes2 = bytes;
            for (MessageMeta m : added) {
                if (m.uid() <= last) {
                    throw new IllegalStateException("UID " + m.uid() + " appended after " + last);
                }
                last = m.uid();
                unseen2 += m.flags().has(Flags.SEEN) ? 0 : 1;
                bytes2 += m.size();
            }
            int newSize = size + added.size();
            Slots target;
            if (slots.used == size && newSize <= array.length) {
                target = slots; // the newest snapshot of this array: the slots from size on are free
            } else {
                target = new Slots(Arrays.copyOf(array, capacityFor(newSize)), size);
            }
            for (int i = 0; i < added.size(); i++) {
                target.array[size + i] = added.get(i);
            }
            target.used = newSize;
            return new Snapshot(target, newSize, unseen2, bytes2, newUidNext, uidValidity, newHighestModSeq);
        }

        /** Messages whose flags (and mod-sequence) changed; every UID must be present. */
        Snapshot replace(List<MessageMeta> changed, long newHighestModSeq) {
            MessageMeta[] copy = Arrays.copyOf(array, capacityFor(size));
            int unseen2 = unseen;
            long bytes2 = bytes;
            for (MessageMeta m : changed) {
                int i = indexOf(m.uid());
                if (i < 0) {
                    throw new IllegalStateException("UID " + m.uid() + " is not cached");
                }
                MessageMeta old = copy[i];
                unseen2 += (m.flags().has(Flags.SEEN) ? 0 : 1) - (old.flags().has(Flags.SEEN) ? 0 : 1);
                bytes2 += m.size() - old.size();
                copy[i] = m;
            }
            return new Snapshot(new Slots(copy, size), size, unseen2, bytes2, uidNext, uidValidity,
                    newHighestModSeq);
        }

        /** Messages gone (expunged or moved away); every UID must be present. */
        Snapshot remove(Collection<Long> uids, long newHighestModSeq) {
            int[] gone = new int[uids.size()];
            int count = 0;
            int unseen2 = unseen;
            long bytes2 = bytes;
            for (long uid : uids) {
                int i = indexOf(uid);
                if (i < 0) {
                    throw new IllegalStateException("UID " + uid + " is not cached");
                }
                gone[count++] = i;
                unseen2 -= array[i].flags().has(Flags.SEEN) ? 0 : 1;
                bytes2 -= array[i].size();
            }
            Arrays.sort(gone);
            for (int k = 1; k < count; k++) {
                if (gone[k] == gone[k - 1]) {
                    throw new IllegalStateException("UID " + array[gone[k]].uid() + " removed twice");
                }
            }
            int newSize = size - count;
            MessageMeta[] copy = new MessageMeta[capacityFor(newSize)];
            int from = 0;
            int to = 0;
            for (int k = 0; k < count; k++) { // copy the runs between removed messages
                int run = gone[k] - from;
                System.arraycopy(array, from, copy, to, run);
                to += run;
                from = gone[k] + 1;
            }
            System.arraycopy(array, from, copy, to, size - from);
            return new Snapshot(new Slots(copy, newSize), newSize, unseen2, bytes2, uidNext, uidValidity,
                    newHighestModSeq);
        }

        private static int capacityFor(int size) {
            return size + (size >> 4) + 16; // room for appends without copying
        }
    }

    /** An immutable window on the first {@code size} slots of an array that only grows beyond them. */
    private static final class View extends AbstractList<MessageMeta> implements RandomAccess {
        private final MessageMeta[] array;
        private final int size;

        View(MessageMeta[] array, int size) {
            this.array = array;
            this.size = size;
        }

        @Override
        public MessageMeta get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("Index " + index + ", size " + size);
            }
            return array[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(array, size, Object[].class);
        }
    }

    private final long budget;
    private final LinkedHashMap<Long, Snapshot> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Object[] loadLocks = new Object[LOAD_STRIPES];
    private long total;

    MetadataCache(long budget) {
        this.budget = Math.max(0, budget);
        for (int i = 0; i < LOAD_STRIPES; i++) {
            loadLocks[i] = new Object();
        }
    }

    boolean enabled() {
        return budget > 0;
    }

    /**
     * The mailbox's snapshot, loaded if absent. The caller holds the mailbox's read or write lock, so nothing
     * changes the mailbox meanwhile; concurrent first reads of one mailbox load it once (striped monitor).
     */
    Snapshot get(long mailboxId, Supplier<Snapshot> loader) {
        Snapshot s = peek(mailboxId);
        if (s != null) {
            return s;
        }
        synchronized (loadLocks[(int) (Long.hashCode(mailboxId) & (LOAD_STRIPES - 1))]) {
            s = peek(mailboxId);
            if (s != null) {
                return s;
            }
            s = loader.get();
            install(mailboxId, null, s);
            return s;
        }
    }

    private synchronized Snapshot peek(long mailboxId) {
        return entries.get(mailboxId);
    }

    /** Replaces {@code expected} (null: nothing) by {@code next}, unless the entry changed meanwhile (evicted). */
    private synchronized void install(long mailboxId, Snapshot expected, Snapshot next) {
        Snapshot current = entries.get(mailboxId);
        if (current != expected) {
            return;
        }
        if (current != null) {
            entries.remove(mailboxId);
            total -= current.weight();
        }
        if (next.weight() > budget) {
            return; // larger than the whole cache: served uncached
        }
        entries.put(mailboxId, next);
        total += next.weight();
        Iterator<Map.Entry<Long, Snapshot>> eldest = entries.entrySet().iterator();
        while (total > budget && eldest.hasNext()) {
            Map.Entry<Long, Snapshot> e = eldest.next();
            if (e.getKey() == mailboxId) {
                continue;
            }
            total -= e.getValue().weight();
            eldest.remove();
        }
    }

    synchronized void drop(long mailboxId) {
        Snapshot gone = entries.remove(mailboxId);
        if (gone != null) {
            total -= gone.weight();
        }
    }

    synchronized void clear() {
        entries.clear();
        total = 0;
    }

    /** For tests: the messages held. */
    /** The mailboxes cached now with at least {@code minSize} messages, and their snapshots. */
    synchronized Map<Long, Snapshot> withAtLeast(int minSize) {
        Map<Long, Snapshot> large = new LinkedHashMap<>();
        entries.forEach((id, s) -> {
            if (s.size >= minSize) {
                large.put(id, s);
            }
        });
        return large;
    }

    synchronized long total() {
        return total;
    }

    synchronized boolean contains(long mailboxId) {
        return entries.containsKey(mailboxId);
    }

    /** Messages added after commit (append, copy, move target), under the mailbox's write lock. */
    void appended(long mailboxId, List<MessageMeta> added, long uidNext, long highestModSeq) {
        patch(mailboxId, s -> s.append(added, uidNext, highestModSeq));
    }

    /** Flags changed after commit, under the mailbox's write lock. */
    void flagsChanged(long mailboxId, List<MessageMeta> changed, long highestModSeq) {
        patch(mailboxId, s -> s.replace(changed, highestModSeq));
    }

    /** Messages removed after commit (expunge, move source), under the mailbox's write lock. */
    void removed(long mailboxId, Collection<Long> uids, long highestModSeq) {
        patch(mailboxId, s -> s.remove(uids, highestModSeq));
    }

    private void patch(long mailboxId, UnaryOperator<Snapshot> change) {
        if (!enabled()) {
            return;
        }
        Snapshot s = peek(mailboxId);
        if (s == null) {
            return;
        }
        try {
            install(mailboxId, s, change.apply(s));
        } catch (RuntimeException e) {
            // the change is durable: the caller must not fail, the cache must not guess
            drop(mailboxId);
            LOG.warn("Dropped the cached metadata of mailbox " + mailboxId, e);
        } catch (Error e) {
            drop(mailboxId);
            throw e;
        }
    }
}
