package org.mailshelf.protocol.imap.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.mime.MessageStructure;

/**
 * The search indexes of one listener, one per mailbox, shared by all its sessions: built the first time a
 * SEARCH on a large mailbox asks for Subject, an address field or the body, then brought up to date by each
 * later SEARCH with the messages that arrived since (the index of a mailbox is never rebuilt for a change:
 * flags are not in it and expunged messages are simply no longer asked about). Least recently searched
 * mailboxes are dropped when the indexes together outgrow their memory budget; the next search rebuilds.
 */
public final class SearchIndexes {
    /** Below this many messages a search reads the messages themselves: fast enough, and no memory kept. */
    public static final int DEFAULT_MIN_MESSAGES = 1000;
    public static final long DEFAULT_BUDGET_BYTES = 128L << 20;
    private static final int STRUCTURE_BATCH = 500;

    private final int minMessages;
    private final long budgetBytes;
    private final Map<Long, Entry> byMailbox = new LinkedHashMap<>(16, 0.75f, true);

    public SearchIndexes(int minMessages, long budgetBytes) {
        this.minMessages = minMessages;
        this.budgetBytes = budgetBytes;
    }

    public int minMessages() {
        return minMessages;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public static SearchIndexes defaults() {
        return new SearchIndexes(DEFAULT_MIN_MESSAGES, DEFAULT_BUDGET_BYTES);
    }

    /**
     * Makes the index of a mailbox cover the messages of a session's view that the key asks about, and returns
     * what the evaluator may take from it; {@link SearchHints#NONE} when the key needs nothing indexed or the
     * mailbox is small.
     *
     * @param size  the number of messages in the session's view
     * @param uidAt the UID of the message with sequence number n (1-based), ascending in n
     */
    public SearchHints prepare(SearchKey key, MailStore store, long mailboxId, int size, IntToLongFunction uidAt) {
        Needs needs = Needs.of(key);
        if (needs == Needs.NOTHING || size < minMessages) {
            return SearchHints.NONE;
        }
        MailboxIndex index = index(mailboxId);
        synchronized (index) {
            addHeaders(index, store, mailboxId, size, uidAt);
            if (needs == Needs.BODY) {
                addBodies(index, store, mailboxId);
            }
        }
        keepWithinBudget(mailboxId, index);
        return new SearchHints(index);
    }

    private synchronized MailboxIndex index(long mailboxId) {
        return byMailbox.computeIfAbsent(mailboxId, id -> new Entry(new MailboxIndex())).index;
    }

    private static void addHeaders(MailboxIndex index, MailStore store, long mailboxId, int size,
            IntToLongFunction uidAt) {
        long last = index.lastUid();
        int first = size + 1;
        while (first > 1 && uidAt.applyAsLong(first - 1) > last) {
            first--;
        }
        for (int from = first; from <= size; from += STRUCTURE_BATCH) {
            List<Long> batch = new ArrayList<>();
            for (int msn = from; msn <= Math.min(size, from + STRUCTURE_BATCH - 1); msn++) {
                batch.add(uidAt.applyAsLong(msn));
            }
            Map<Long, byte[]> structures = store.structures(mailboxId, batch);
            for (long uid : batch) {
                byte[] bytes = structures.get(uid);
                if (bytes != null) { // missing: expunged meanwhile
                    index.addHeaders(uid, MessageStructure.fromBytes(bytes));
                }
            }
        }
    }

    private static void addBodies(MailboxIndex index, MailStore store, long mailboxId) {
        for (int from = index.bodiesIndexed(); from < index.size(); from = index.bodiesIndexed()) {
            List<Long> batch = new ArrayList<>();
            for (int slot = from; slot < Math.min(index.size(), from + STRUCTURE_BATCH); slot++) {
                batch.add(index.uidAt(slot));
            }
            Map<Long, byte[]> structures = store.structures(mailboxId, batch);
            for (long uid : batch) {
                index.addBody(bodyText(store, mailboxId, uid, structures.get(uid)));
            }
        }
    }

    private static String bodyText(MailStore store, long mailboxId, long uid, byte[] structure) {
        if (structure == null) {
            return null;
        }
        try {
            return Fold.fold(BodyText.extract(MessageStructure.fromBytes(structure), store.content(mailboxId, uid)));
        } catch (MessageNotFoundException e) {
            return null;
        }
    }

    private synchronized void keepWithinBudget(long inUse, MailboxIndex index) {
        Entry current = byMailbox.get(inUse);
        if (current == null || current.index != index) {
            return; // dropped meanwhile by another session's search; it will be rebuilt when needed
        }
        current.weight = index.weight();
        long total = 0;
        for (Entry e : byMailbox.values()) {
            total += e.weight;
        }
        for (Iterator<Map.Entry<Long, Entry>> it = byMailbox.entrySet().iterator();
                total > budgetBytes && it.hasNext(); ) {
            Map.Entry<Long, Entry> e = it.next();
            if (e.getKey() != inUse) {
                total -= e.getValue().weight;
                it.remove();
            }
        }
    }

    private static final class Entry {
        final MailboxIndex index;
        long weight;

        Entry(MailboxIndex index) {
            this.index = index;
        }
    }

    /** What a search key needs from the index. */
    private enum Needs {
        NOTHING, HEADERS, BODY;

        static Needs of(SearchKey key) {
            if (key instanceof SearchKey.Body || key instanceof SearchKey.Text) {
                return BODY;
            } else if (key instanceof SearchKey.Header h) {
                return h.name().equalsIgnoreCase("subject") ? HEADERS : NOTHING;
            } else if (key instanceof SearchKey.Address) {
                return HEADERS;
            } else if (key instanceof SearchKey.Not n) {
                return of(n.key());
            } else if (key instanceof SearchKey.Or o) {
                return max(of(o.left()), of(o.right()));
            } else if (key instanceof SearchKey.And a) {
                Needs needs = NOTHING;
                for (SearchKey k : a.keys()) {
                    needs = max(needs, of(k));
                }
                return needs;
            }
            return NOTHING;
        }

        private static Needs max(Needs a, Needs b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
