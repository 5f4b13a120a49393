package org.mailshelf.store.derby.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content and MIME structure of recently delivered or read messages, least recently used first out, within
 * a byte budget. A message's bytes never change, so an entry is only ever removed: when its message is
 * expunged or moved away, or its mailbox deleted. A read that raced with such a removal must not put back
 * what was removed, so readers note the {@linkplain #generation() generation} before reading the database and
 * put only if no removal happened since.
 */
final class MessageBytesCache {
    /** Larger messages are read from the database each time, so that one cannot push out hundreds. */
    static final int LARGEST_CACHED = 256 * 1024;
    private static final int ENTRY_OVERHEAD = 96;

    private record Key(long mailboxId, long uid) {
    }

    private static final class Entry {
        byte[] content;
        byte[] structure;

        long bytes() {
            return ENTRY_OVERHEAD + (content == null ? 0 : content.length) + (structure == null ? 0 : structure.length);
        }
    }

    private final long budget;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long generation;

    MessageBytesCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    boolean enabled() {
        return budget > 0;
    }

    synchronized long generation() {
        return generation;
    }

    synchronized byte[] content(long mailboxId, long uid) {
        Entry e = entries.get(new Key(mailboxId, uid));
        return e == null ? null : e.content;
    }

    synchronized byte[] structure(long mailboxId, long uid) {
        Entry e = entries.get(new Key(mailboxId, uid));
        return e == null ? null : e.structure;
    }

    /** Keeps what was read or written (either may be null) unless a removal happened since {@code seen}. */
    synchronized void put(long seen, long mailboxId, long uid, byte[] content, byte[] structure) {
        if (!enabled() || seen != generation || content != null && content.length > LARGEST_CACHED
                || structure != null && structure.length > LARGEST_CACHED) {
            return;
        }
        Entry e = entries.computeIfAbsent(new Key(mailboxId, uid), k -> new Entry());
        bytes -= e.bytes();
        if (content != null) {
            e.content = content;
        }
        if (structure != null) {
            e.structure = structure;
        }
        bytes += e.bytes();
        for (Iterator<Entry> it = entries.values().iterator(); bytes > budget && it.hasNext(); ) {
            bytes -= it.next().bytes();
            it.remove();
        }
    }

    synchronized void remove(long mailboxId, Collection<Long> uids) {
        generation++;
        for (long uid : uids) {
            Entry e = entries.remove(new Key(mailboxId, uid));
            if (e != null) {
                bytes -= e.bytes();
            }
        }
    }

    synchronized void removeMailbox(long mailboxId) {
        generation++;
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Entry> e = it.next();
            if (e.getKey().mailboxId() == mailboxId) {
                bytes -= e.getValue().bytes();
                it.remove();
            }
        }
    }

    synchronized void clear() {
        generation++;
        entries.clear();
        bytes = 0;
    }
}
