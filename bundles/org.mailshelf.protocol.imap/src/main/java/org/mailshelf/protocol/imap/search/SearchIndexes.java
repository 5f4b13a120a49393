package org.mailshelf.protocol.imap.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;

import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.mime.MessageStructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search indexes of one listener, one per mailbox, shared by all its sessions: built the first time a
 * SEARCH on a large mailbox asks for Subject, an address field or the body, then brought up to date by each
 * later SEARCH with the messages that arrived since (the index of a mailbox is never rebuilt for a change:
 * flags are not in it and expunged messages are simply no longer asked about). Least recently searched
 * mailboxes are dropped when the indexes together outgrow their memory budget; the next search rebuilds.
 * The store keeps each index between restarts ({@link #keepAll}, {@link KeptIndex}), so the first search after
 * a start reads it back instead of every message.
 */
public final class SearchIndexes {
    /** Below this many messages a search reads the messages themselves: fast enough, and no memory kept. */
    public static final int DEFAULT_MIN_MESSAGES = 1000;
    public static final long DEFAULT_BUDGET_BYTES = 128L << 20;
    private static final int STRUCTURE_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexes.class);

    private final int minMessages;
    private final long budgetBytes;
    private final Map<Long, Entry> byMailbox = new LinkedHashMap<>(16, 0.75f, true);
    /** Indexes being read from the store, so a search waits for the read under way instead of starting one. */
    private final Map<Long, CompletableFuture<MailboxIndex>> reading = new HashMap<>();
    /** Reads kept indexes in the background; its thread ends when idle, so nothing outlives the listener. */
    private final ThreadPoolExecutor reader = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "mailshelf-search-index-reader");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });

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
    public SearchHints prepare(SearchKey key, MailStore store, long mailboxId, long uidValidity, int size,
            IntToLongFunction uidAt) {
        Needs needs = Needs.of(key);
        if (needs == Needs.NOTHING || size < minMessages) {
            return SearchHints.NONE;
        }
        MailboxIndex index = index(store, mailboxId, uidValidity);
        synchronized (index) {
            addHeaders(index, store, mailboxId, size, uidAt);
            if (needs == Needs.BODY) {
                addBodies(index, store, mailboxId);
            }
        }
        keepWithinBudget(mailboxId, index);
        return new SearchHints(index);
    }

    /**
     * Starts reading the kept index of a large mailbox a session has just selected, so that its first search
     * finds the index in memory: clients search soon after they select, if at all.
     */
    public void preload(MailStore store, long mailboxId, long uidValidity, int size) {
        if (size >= minMessages) {
            index(store, mailboxId, uidValidity, reader);
        }
    }

    private MailboxIndex index(MailStore store, long mailboxId, long uidValidity) {
        return index(store, mailboxId, uidValidity, Runnable::run).join();
    }

    /** The index in memory, else the one the store kept (read on {@code executor}), else a new one. */
    private CompletableFuture<MailboxIndex> index(MailStore store, long mailboxId, long uidValidity,
            Executor executor) {
        CompletableFuture<MailboxIndex> future;
        synchronized (this) {
            Entry e = byMailbox.get(mailboxId);
            if (e != null) {
                return CompletableFuture.completedFuture(e.index);
            }
            future = reading.get(mailboxId);
            if (future != null) {
                return future;
            }
            future = new CompletableFuture<>();
            reading.put(mailboxId, future);
        }
        CompletableFuture<MailboxIndex> result = future;
        executor.execute(() -> {
            MailboxIndex kept = null;
            try {
                kept = readKept(store, mailboxId, uidValidity);
            } finally { // whatever happened, whoever waits gets an index
                result.complete(install(mailboxId, uidValidity, kept));
            }
        });
        return result;
    }

    private MailboxIndex install(long mailboxId, long uidValidity, MailboxIndex kept) {
        MailboxIndex index;
        synchronized (this) {
            reading.remove(mailboxId);
            index = byMailbox.computeIfAbsent(mailboxId, id -> kept == null
                    ? new Entry(new MailboxIndex(), uidValidity) : Entry.kept(kept, uidValidity)).index;
        }
        keepWithinBudget(mailboxId, index);
        return index;
    }

    /** Null when there is none, or it is damaged, or the store cannot give it now: the index is made anew. */
    private static MailboxIndex readKept(MailStore store, long mailboxId, long uidValidity) {
        try {
            return store.derived(mailboxId, KeptIndex.KIND).map(bytes -> KeptIndex.read(bytes, uidValidity))
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the kept search index of mailbox {}: {}", mailboxId, e.toString());
            return null;
        }
    }

    /**
     * Gives the store the indexes that grew since they were read or last kept, for the next start. For a
     * listener that stops: searches under way meanwhile are not waited for (their additions come next time).
     */
    public void keepAll(MailStore store) {
        long t0 = System.nanoTime();
        Map<Long, Entry> entries;
        synchronized (this) {
            entries = new LinkedHashMap<>(byMailbox);
        }
        int kept = 0;
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            byte[] bytes;
            synchronized (entry.index) { // no search adds meanwhile: the marks match the bytes
                if (!entry.grewSinceKept()) {
                    continue;
                }
                bytes = KeptIndex.write(entry.index, entry.uidValidity);
                entry.markKept();
            }
            store.keepDerived(e.getKey(), KeptIndex.KIND, bytes);
            kept++;
        }
        if (kept > 0) {
            LOG.info("Kept the search indexes of {} mailboxes for the next start in {} ms", kept,
                    (System.nanoTime() - t0) / 1_000_000);
        }
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
        final long uidValidity;
        long weight;
        /** Messages and bodies the index held when it was read from or given to the store; -1: never. */
        int keptSize = -1;
        int keptBodies = -1;

        Entry(MailboxIndex index, long uidValidity) {
            this.index = index;
            this.uidValidity = uidValidity;
        }

        static Entry kept(MailboxIndex index, long uidValidity) {
            Entry e = new Entry(index, uidValidity);
            e.markKept();
            return e;
        }

        boolean grewSinceKept() {
            return index.size() != keptSize || index.bodiesIndexed() != keptBodies;
        }

        void markKept() {
            keptSize = index.size();
            keptBodies = index.bodiesIndexed();
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
