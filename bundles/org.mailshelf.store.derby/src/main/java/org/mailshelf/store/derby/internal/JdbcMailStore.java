package org.mailshelf.store.derby.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.CopiedMessage;
import org.mailshelf.api.store.CredentialStore;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxEvent;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.api.store.MailboxCounts;
import org.mailshelf.api.store.MailboxListener;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.api.store.RecentClaim;
import org.mailshelf.api.store.StoreException;
import org.mailshelf.api.store.Subscription;
import org.mailshelf.mime.MessageAnalyzer;
import org.mailshelf.mime.MessageStructure;
import org.mailshelf.store.derby.internal.MailboxEvents.Change;
import org.mailshelf.store.derby.internal.MailboxEvents.Changes;
import org.mailshelf.store.derby.internal.MailboxSql.Allocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on any SQL database: each method is one transaction, committed before it returns, and each change
 * is published to the mailbox's listeners after the commit. Nothing in here is specific to Derby.
 */
public class JdbcMailStore implements MailStore, CredentialStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMailStore.class);
    /** Smaller mailboxes list fast enough even in cold code: a snapshot would only cost a row. */
    static final int SNAPSHOT_MIN_MESSAGES = 1000;

    private final Database database;
    private final ConnectionPool pool;
    private final MailboxEvents events = new MailboxEvents();
    /** Patched by every change after its commit, under the mailbox's write lock; see {@link MetadataCache}. */
    private final MetadataCache cache;
    /** Removed from by every expunge, move and mailbox deletion; see {@link MessageBytesCache}. */
    private final MessageBytesCache bytes;

    /**
     * Takes ownership of the database: it is closed with this store, or at once if the schema cannot be made.
     *
     * @param cachedMessages the budget of the metadata cache in messages (0: no cache)
     * @param cachedBytes    the budget of the message cache in bytes (0: no cache)
     */
    JdbcMailStore(Database database, int connections, long cachedMessages, long cachedBytes) {
        this.database = database;
        this.cache = new MetadataCache(cachedMessages);
        this.bytes = new MessageBytesCache(cachedBytes);
        try {
            this.pool = new ConnectionPool(database.dataSource(), database.dialect(), connections);
            Schema.migrate(pool, database.dialect());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Keeps the metadata of the large cached mailboxes for the next start, waits briefly for transactions under
     * way, then closes the connections and the database.
     */
    @Override
    public void close() {
        try {
            saveSnapshots();
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the metadata of the large mailboxes for the next start", e); // a slower start
        }
        cache.clear();
        bytes.clear();
        try {
            pool.close();
        } finally {
            database.close();
        }
    }

    @Override
    public List<MailboxInfo> mailboxes(String user) {
        return pool.inTransaction(c -> MailboxSql.list(c, user));
    }

    @Override
    public Optional<MailboxInfo> mailbox(String user, String name) {
        return pool.inTransaction(c -> MailboxSql.find(c, user, name));
    }

    @Override
    public MailboxInfo createMailbox(String user, String name) {
        return pool.inTransaction(c -> {
            try {
                return MailboxSql.create(c, user, name, Instant.now().getEpochSecond());
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    throw new MailboxExistsException(name);
                }
                throw e;
            }
        });
    }

    @Override
    public void deleteMailbox(String user, String name) {
        long id = mailbox(user, name).orElseThrow(() -> new MailboxNotFoundException(name)).id();
        delete(id, name);
    }

    @Override
    public void deleteAllMailboxes(String user) {
        for (MailboxInfo box : mailboxes(user)) {
            try {
                delete(box.id(), box.name());
            } catch (MailboxNotFoundException alreadyGone) {
                // deleted by someone else meanwhile: that is what we want
            }
        }
        pool.inTransaction(c -> {
            SubscriptionSql.removeAll(c, user);
            return null;
        });
    }

    @Override
    public void renameMailbox(String user, String from, String to) {
        if (from.equals(MailboxInfo.INBOX)) {
            renameInbox(user, to);
            return;
        }
        if (to.equals(from) || to.startsWith(from + "/")) {
            throw new StoreException("Cannot rename " + from + " to itself or below itself: " + to);
        }
        // only names change: ids, UIDs and listeners stay, so no mailbox lock and no event
        pool.inTransaction(c -> {
            List<MailboxInfo> all = MailboxSql.list(c, user);
            Set<String> names = new TreeSet<>();
            all.forEach(b -> names.add(b.name()));
            if (!names.contains(from)) {
                throw new MailboxNotFoundException(from);
            }
            List<MailboxInfo> renamed = all.stream()
                    .filter(b -> b.name().equals(from) || b.name().startsWith(from + "/")).toList();
            for (MailboxInfo b : renamed) {
                String newName = to + b.name().substring(from.length());
                if (names.contains(newName)) {
                    throw new MailboxExistsException(newName);
                }
            }
            for (MailboxInfo b : renamed) {
                String newName = to + b.name().substring(from.length());
                try {
                    MailboxSql.rename(c, b.id(), newName);
                } catch (SQLException e) {
                    if (Dialect.isDuplicateKey(e)) { // made by someone else meanwhile
                        throw new MailboxExistsException(newName);
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * RFC 3501 6.3.5: INBOX's messages move to a new mailbox in one transaction. Only INBOX is locked: nobody can
     * know the new mailbox's id before the commit, so it needs no lock and has no listener to tell.
     */
    private void renameInbox(String user, String to) {
        long inbox = mailbox(user, MailboxInfo.INBOX).orElseThrow(() -> new MailboxNotFoundException(MailboxInfo.INBOX))
                .id();
        events.change(inbox, () -> {
            cache.drop(inbox); // rare: the next read loads INBOX again (the new mailbox was never read)
            MailboxEvent.Expunged expunged;
            try {
                expunged = renameInbox(user, to, inbox);
            } finally {
                bytes.removeMailbox(inbox); // after the commit, so that no read puts an INBOX message back
            }
            return new Change<>(null, expunged);
        });
    }

    private MailboxEvent.Expunged renameInbox(String user, String to, long inbox) {
        return pool.inTransaction(c -> {
            MailboxInfo target;
            try {
                target = MailboxSql.create(c, user, to, Instant.now().getEpochSecond());
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    throw new MailboxExistsException(to);
                }
                throw e;
            }
            MailboxSql.lockForChange(c, inbox);
            List<MessageMeta> all = MessageSql.list(c, database.dialect(), inbox);
            return transfer(c, inbox, all, target.id(), true).expunged();
        });
    }

    @Override
    public Set<String> subscriptions(String user) {
        return Set.copyOf(pool.inTransaction(c -> SubscriptionSql.list(c, user)));
    }

    @Override
    public void subscribe(String user, String name) {
        pool.inTransaction(c -> {
            try {
                SubscriptionSql.add(c, user, name);
            } catch (SQLException e) {
                if (!Dialect.isDuplicateKey(e)) { // a concurrent subscribe to the same name: done
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void unsubscribe(String user, String name) {
        pool.inTransaction(c -> {
            SubscriptionSql.remove(c, user, name);
            return null;
        });
    }

    private void delete(long id, String name) {
        events.change(id, () -> {
            try {
                pool.inTransaction(c -> {
                    if (!MailboxSql.delete(c, id)) {
                        throw new MailboxNotFoundException(name);
                    }
                    MessageSql.deleteAll(c, id);
                    SnapshotSql.delete(c, id);
                    DerivedSql.deleteAll(c, id);
                    return null;
                });
            } finally {
                cache.drop(id);
                bytes.removeMailbox(id);
            }
            return new Change<>(null, new MailboxEvent.Deleted(id));
        });
        events.forget(id);
    }

    @Override
    public MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate) {
        // the database keeps milliseconds: return exactly what a later read will return
        Instant date = Instant.ofEpochMilli(internalDate.toEpochMilli());
        // analysed before the mailbox lock and the transaction: parsing holds up neither other appends nor readers
        byte[] structure = MessageAnalyzer.analyze(content).toBytes();
        return events.change(mailboxId, () -> {
            long generation = bytes.generation();
            MessageMeta meta = committed(List.of(mailboxId), () -> pool.inTransaction(c -> {
                Allocation next = MailboxSql.allocateUid(c, mailboxId);
                MessageMeta m = new MessageMeta(next.uid(), next.modSeq(), content.length, date, flags);
                MessageSql.insert(c, mailboxId, m, content, structure);
                return m;
            }));
            cache.appended(mailboxId, List.of(meta), meta.uid() + 1, meta.modSeq());
            // new mail is what clients fetch next
            bytes.put(generation, mailboxId, meta.uid(), content, structure);
            return new Change<>(meta, new MailboxEvent.Added(mailboxId, List.of(meta)));
        });
    }

    @Override
    public List<MessageMeta> messages(long mailboxId) {
        if (cache.enabled()) {
            return events.read(mailboxId, () -> snapshot(mailboxId).messages());
        }
        return events.read(mailboxId, () -> pool.inTransaction(c -> {
            List<MessageMeta> all = MessageSql.list(c, database.dialect(), mailboxId);
            if (all.isEmpty() && !MailboxSql.exists(c, mailboxId)) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            return all;
        }));
    }

    @Override
    public byte[] content(long mailboxId, long uid) {
        byte[] cached = bytes.content(mailboxId, uid);
        if (cached != null) {
            return cached;
        }
        long generation = bytes.generation();
        byte[] content = pool.inTransaction(c -> MessageSql.content(c, mailboxId, uid));
        if (content == null) {
            throw new MessageNotFoundException(mailboxId, uid);
        }
        bytes.put(generation, mailboxId, uid, content, null);
        return content;
    }

    @Override
    public Map<Long, byte[]> contents(long mailboxId, Collection<Long> uids) {
        SortedMap<Long, byte[]> found = new TreeMap<>();
        NavigableSet<Long> wanted = new TreeSet<>();
        for (long uid : uids) {
            byte[] cached = bytes.content(mailboxId, uid);
            if (cached != null) {
                found.put(uid, cached);
            } else {
                wanted.add(uid);
            }
        }
        if (!wanted.isEmpty()) {
            long generation = bytes.generation();
            SortedMap<Long, byte[]> read = pool.inTransaction(c -> MessageSql.contents(c, mailboxId, wanted));
            read.forEach((uid, content) -> bytes.put(generation, mailboxId, uid, content, null));
            found.putAll(read);
        }
        return found;
    }

    @Override
    public byte[] structure(long mailboxId, long uid) {
        byte[] cached = bytes.structure(mailboxId, uid);
        if (cached != null) {
            return cached;
        }
        long generation = bytes.generation();
        byte[] stored = pool.inTransaction(c -> MessageSql.structure(c, mailboxId, uid));
        if (stored != null && readable(stored)) {
            bytes.put(generation, mailboxId, uid, null, stored);
            return stored;
        }
        byte[] healed = reanalyse(mailboxId, new TreeSet<>(List.of(uid))).get(uid);
        if (healed == null) {
            throw new MessageNotFoundException(mailboxId, uid);
        }
        return healed;
    }

    @Override
    public Map<Long, byte[]> structures(long mailboxId, Collection<Long> uids) {
        SortedMap<Long, byte[]> cached = new TreeMap<>();
        NavigableSet<Long> wanted = new TreeSet<>();
        for (long uid : uids) {
            byte[] structure = bytes.structure(mailboxId, uid);
            if (structure != null) {
                cached.put(uid, structure);
            } else {
                wanted.add(uid);
            }
        }
        if (wanted.isEmpty() && !cached.isEmpty()) {
            return cached;
        }
        long generation = bytes.generation();
        SortedMap<Long, byte[]> found = pool.inTransaction(c -> {
            SortedMap<Long, byte[]> stored = MessageSql.structures(c, mailboxId, wanted);
            if (stored.isEmpty() && cached.isEmpty() && !MailboxSql.exists(c, mailboxId)) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            return stored;
        });
        NavigableSet<Long> unreadable = new TreeSet<>(wanted);
        found.forEach((uid, structure) -> {
            if (readable(structure)) {
                unreadable.remove(uid);
                bytes.put(generation, mailboxId, uid, null, structure);
            }
        });
        found.putAll(cached);
        // UIDs that do not exist end up here too, and cost one lookup each; a FETCH asks for existing ones
        if (!unreadable.isEmpty()) {
            found.putAll(reanalyse(mailboxId, unreadable));
        }
        return found;
    }

    /**
     * Whether the structure is one this code can read. A damaged blob, or one written by an analyser whose
     * format this code no longer reads, is not: {@link #reanalyse} replaces it.
     */
    private static boolean readable(byte[] structure) {
        try {
            MessageStructure.fromBytes(structure);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Self-healing: analyses the given messages again from their content and stores the result in place of an
     * unreadable or missing structure. Runs under the mailbox's write lock, so no expunge or move can leave a
     * structure without its message. UIDs without a message are absent from the result.
     */
    private SortedMap<Long, byte[]> reanalyse(long mailboxId, NavigableSet<Long> uids) {
        return events.change(mailboxId, () -> {
            SortedMap<Long, byte[]> healed = new TreeMap<>();
            for (long uid : uids) {
                byte[] content = pool.inTransaction(c -> MessageSql.content(c, mailboxId, uid));
                if (content == null) {
                    continue; // expunged, or never was
                }
                byte[] structure = MessageAnalyzer.analyze(content).toBytes();
                pool.inTransaction(c -> {
                    MessageSql.replaceStructure(c, mailboxId, uid, structure);
                    return null;
                });
                LOG.warn("Replaced the unreadable or missing MIME structure of message " + uid
                        + " in mailbox " + mailboxId);
                healed.put(uid, structure);
            }
            return new Change<>(healed, null);
        });
    }

    @Override
    public List<MessageMeta> updateFlags(long mailboxId, Collection<Long> uids, FlagUpdate update, Flags flags) {
        TreeSet<Long> wanted = new TreeSet<>(uids);
        return events.change(mailboxId, () -> {
            List<MessageMeta> changed = committed(List.of(mailboxId), () -> pool.inTransaction(c -> {
                long modSeq = MailboxSql.lockForChange(c, mailboxId);
                List<MessageMeta> result = new ArrayList<>();
                for (MessageMeta m : MessageSql.find(c, database.dialect(), mailboxId, wanted)) {
                    Flags next = update.apply(m.flags(), flags);
                    if (!next.equals(m.flags())) {
                        result.add(m.withFlags(next, ++modSeq));
                    }
                }
                if (!result.isEmpty()) {
                    MessageSql.updateFlags(c, mailboxId, result);
                    MailboxSql.setHighestModSeq(c, mailboxId, modSeq);
                }
                return List.copyOf(result);
            }));
            if (!changed.isEmpty()) {
                cache.flagsChanged(mailboxId, changed, changed.get(changed.size() - 1).modSeq());
            }
            return new Change<>(changed,
                    changed.isEmpty() ? null : new MailboxEvent.FlagsChanged(mailboxId, changed));
        });
    }

    @Override
    public List<Long> expunge(long mailboxId, Collection<Long> uids) {
        TreeSet<Long> wanted = new TreeSet<>(uids);
        return events.change(mailboxId, () -> {
            MailboxEvent.Expunged expunged = committed(List.of(mailboxId), () -> pool.inTransaction(c -> {
                long modSeq = MailboxSql.lockForChange(c, mailboxId);
                List<Long> present = MessageSql.find(c, database.dialect(), mailboxId, wanted).stream()
                        .map(MessageMeta::uid).toList();
                if (present.isEmpty()) {
                    return null;
                }
                MessageSql.delete(c, mailboxId, present);
                MessageSql.tombstone(c, mailboxId, present, modSeq + 1);
                MailboxSql.setHighestModSeq(c, mailboxId, modSeq + 1);
                return new MailboxEvent.Expunged(mailboxId, present, modSeq + 1);
            }));
            if (expunged != null) {
                cache.removed(mailboxId, expunged.uids(), expunged.modSeq());
                bytes.remove(mailboxId, expunged.uids());
            }
            return expunged == null ? new Change<>(List.<Long>of(), null) : new Change<>(expunged.uids(), expunged);
        });
    }

    @Override
    public List<CopiedMessage> copy(long fromMailboxId, Collection<Long> uids, long toMailboxId) {
        return transfer(fromMailboxId, uids, toMailboxId, false);
    }

    @Override
    public List<CopiedMessage> move(long fromMailboxId, Collection<Long> uids, long toMailboxId) {
        return transfer(fromMailboxId, uids, toMailboxId, true);
    }

    /**
     * Copy or move under both mailboxes' write locks (so the source can be read without row locks and both sets
     * of listeners hear of it in commit order), in one transaction.
     */
    private List<CopiedMessage> transfer(long fromId, Collection<Long> uids, long toId, boolean move) {
        NavigableSet<Long> wanted = new TreeSet<>(uids);
        return events.changeAll(List.of(fromId, toId), () -> {
            Transfer t = committed(List.of(fromId, toId), () -> pool.inTransaction(c -> {
                if (move) {
                    MailboxSql.lockForChange(c, fromId);
                } else if (!MailboxSql.exists(c, fromId)) {
                    throw new MailboxNotFoundException("#" + fromId);
                }
                if (!MailboxSql.exists(c, toId)) {
                    throw new MailboxNotFoundException("#" + toId);
                }
                return transfer(c, fromId, MessageSql.find(c, database.dialect(), fromId, wanted), toId, move);
            }));
            if (t.added() != null) { // consecutive new UIDs, one mod-sequence; a move within one mailbox: both
                List<MessageMeta> copies = t.added().messages();
                MessageMeta last = copies.get(copies.size() - 1);
                cache.appended(toId, copies, last.uid() + 1, last.modSeq());
            }
            if (t.expunged() != null) {
                cache.removed(fromId, t.expunged().uids(), t.expunged().modSeq());
                bytes.remove(fromId, t.expunged().uids());
            }
            List<MailboxEvent> published = new ArrayList<>();
            if (t.added() != null) {
                published.add(t.added());
            }
            if (t.expunged() != null) {
                published.add(t.expunged());
            }
            return new Changes<>(t.copied(), published);
        });
    }

    /** What a copy or move did, and its events (null: none). */
    private record Transfer(List<CopiedMessage> copied, MailboxEvent.Added added, MailboxEvent.Expunged expunged) {
    }

    /** The SQL of a copy or move of the given messages (ascending UID) from a mailbox the caller has locked. */
    private static Transfer transfer(SqlConnection c, long fromId, List<MessageMeta> present, long toId,
            boolean move) throws SQLException {
        if (present.isEmpty()) {
            return new Transfer(List.of(), null, null);
        }
        Allocation first = MailboxSql.allocateUids(c, toId, present.size());
        List<MessageMeta> copies = new ArrayList<>(present.size());
        List<CopiedMessage> copied = new ArrayList<>(present.size());
        for (int i = 0; i < present.size(); i++) {
            MessageMeta m = present.get(i);
            MessageMeta copy = new MessageMeta(first.uid() + i, first.modSeq(), m.size(), m.internalDate(),
                    m.flags());
            copies.add(copy);
            copied.add(new CopiedMessage(m.uid(), copy));
        }
        MailboxEvent.Expunged expunged = null;
        if (move) {
            MessageSql.move(c, fromId, present, toId, copies);
            long modSeq = MailboxSql.lockForChange(c, fromId) + 1; // after the allocation: from may be to
            List<Long> gone = present.stream().map(MessageMeta::uid).toList();
            MessageSql.tombstone(c, fromId, gone, modSeq);
            MailboxSql.setHighestModSeq(c, fromId, modSeq);
            expunged = new MailboxEvent.Expunged(fromId, gone, modSeq);
        } else {
            MessageSql.copy(c, fromId, present, toId, copies);
        }
        return new Transfer(List.copyOf(copied), new MailboxEvent.Added(toId, List.copyOf(copies)), expunged);
    }

    @Override
    public MailboxCounts counts(long mailboxId) {
        if (cache.enabled()) {
            return events.read(mailboxId, () -> {
                MetadataCache.Snapshot s = snapshot(mailboxId);
                return new MailboxCounts(s.size, s.unseen, s.bytes, s.uidNext, s.uidValidity, s.highestModSeq);
            });
        }
        return events.read(mailboxId, () -> pool.inTransaction(c -> {
            long[] state = MailboxSql.state(c, mailboxId);
            if (state == null) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            long[] totals = MessageSql.aggregate(c, database.dialect(), mailboxId);
            return new MailboxCounts((int) totals[0], (int) totals[1], totals[2], state[1], state[0], state[2]);
        }));
    }

    @Override
    public List<MessageMeta> changedSince(long mailboxId, long modSeq) {
        if (cache.enabled()) {
            return events.read(mailboxId, () -> snapshot(mailboxId).changedSince(modSeq));
        }
        return events.read(mailboxId, () -> pool.inTransaction(c -> {
            List<MessageMeta> changed = MessageSql.changedSince(c, database.dialect(), mailboxId, modSeq);
            if (changed.isEmpty() && !MailboxSql.exists(c, mailboxId)) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            return changed;
        }));
    }

    /**
     * The mailbox's cached metadata, loaded in one transaction (mailbox row, then the listing) if absent. The
     * caller holds the mailbox's read or write lock, so no change is under way.
     */
    private MetadataCache.Snapshot snapshot(long mailboxId) {
        return cache.get(mailboxId, () -> pool.inTransaction(c -> {
            long[] state = MailboxSql.state(c, mailboxId);
            if (state == null) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            List<MessageMeta> kept = keptListing(c, mailboxId, state);
            return MetadataCache.Snapshot.of(kept != null ? kept : MessageSql.list(c, database.dialect(), mailboxId),
                    state);
        }));
    }

    @Override
    public Optional<byte[]> derived(long mailboxId, String kind) {
        return Optional.ofNullable(pool.inTransaction(c -> DerivedSql.load(c, mailboxId, kind)));
    }

    /** Under the mailbox's read lock, so it cannot race the mailbox's deletion and outlive it. */
    @Override
    public void keepDerived(long mailboxId, String kind, byte[] data) {
        events.read(mailboxId, () -> pool.inTransaction(c -> {
            if (MailboxSql.exists(c, mailboxId)) {
                DerivedSql.save(c, mailboxId, kind, data);
            }
            return null;
        }));
    }

    /** The listing kept when the store last closed, if the mailbox has not changed since; else null. */
    private static List<MessageMeta> keptListing(SqlConnection c, long mailboxId, long[] state) throws SQLException {
        if (state[1] - 1 < SNAPSHOT_MIN_MESSAGES) {
            return null; // fewer UIDs ever given than a kept listing needs messages: no row to look for
        }
        byte[] kept = SnapshotSql.load(c, mailboxId, state);
        if (kept == null) {
            return null;
        }
        try {
            return MetadataSnapshot.decode(kept);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignored the damaged metadata snapshot of mailbox {}: {}", mailboxId, e.getMessage());
            return null;
        }
    }

    /**
     * Loads the metadata kept at the last close back into the cache, as PostgreSQL's autoprewarm refills its
     * buffers: the first SELECT of a large mailbox after a start then finds it in memory. For a background
     * thread; an interrupt stops it between mailboxes.
     */
    void prewarm() {
        long t0 = System.nanoTime();
        int loaded = 0;
        for (long mailboxId : pool.inTransaction(SnapshotSql::mailboxes)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                events.read(mailboxId, () -> snapshot(mailboxId));
                loaded++;
            } catch (MailboxNotFoundException gone) {
                // deleted since: its row went with it
            }
        }
        if (loaded > 0) {
            LOG.info("Loaded the kept metadata of {} large mailboxes in {} ms", loaded,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** One row per large cached mailbox, each written under the mailbox's read lock so it matches its state. */
    private void saveSnapshots() {
        long t0 = System.nanoTime();
        int saved = 0;
        long messages = 0;
        for (Map.Entry<Long, MetadataCache.Snapshot> e : cache.withAtLeast(SNAPSHOT_MIN_MESSAGES).entrySet()) {
            long mailboxId = e.getKey();
            MetadataCache.Snapshot s = e.getValue();
            boolean current = events.read(mailboxId, () -> pool.inTransaction(c -> {
                long[] state = MailboxSql.state(c, mailboxId);
                if (state == null || state[0] != s.uidValidity || state[1] != s.uidNext
                        || state[2] != s.highestModSeq) {
                    return false; // changed after the entry was taken: the next start lists it
                }
                SnapshotSql.save(c, mailboxId, state, MetadataSnapshot.encode(s.messages()));
                return true;
            }));
            if (current) {
                saved++;
                messages += s.size;
            }
        }
        if (saved > 0) {
            LOG.info("Kept the metadata of {} large mailboxes ({} messages) for the next start in {} ms", saved,
                    messages, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Runs a change's transaction; if it fails, whether it committed is in doubt (a failed commit), so the
     * cached metadata of the mailboxes it touches is dropped. On success the caller patches the cache.
     */
    private <T> T committed(List<Long> mailboxIds, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (RuntimeException | Error e) {
            mailboxIds.forEach(cache::drop);
            mailboxIds.forEach(bytes::removeMailbox); // the outcome is unknown: an expunge may have committed
            throw e;
        }
    }

    /** For tests. */
    MetadataCache cache() {
        return cache;
    }

    @Override
    public List<Long> expungedSince(long mailboxId, long modSeq) {
        return events.read(mailboxId, () -> pool.inTransaction(c -> {
            List<Long> uids = MessageSql.expungedSince(c, mailboxId, modSeq);
            if (uids.isEmpty() && !MailboxSql.exists(c, mailboxId)) {
                throw new MailboxNotFoundException("#" + mailboxId);
            }
            return uids;
        }));
    }

    @Override
    public long claimRecent(long mailboxId) {
        return claimRecentRange(mailboxId).from();
    }

    @Override
    public RecentClaim claimRecentRange(long mailboxId) {
        return pool.inTransaction(c -> MailboxSql.claimRecent(c, mailboxId));
    }

    @Override
    public long recentFloor(long mailboxId) {
        return pool.inTransaction(c -> MailboxSql.recentFloor(c, mailboxId));
    }

    @Override
    public Subscription subscribe(long mailboxId, MailboxListener listener) {
        if (!pool.inTransaction(c -> MailboxSql.exists(c, mailboxId))) {
            throw new MailboxNotFoundException("#" + mailboxId);
        }
        return events.subscribe(mailboxId, listener);
    }

    @Override
    public List<String> users() {
        return pool.inTransaction(CredentialSql::users);
    }

    @Override
    public Optional<String> passwordHash(String user) {
        return pool.inTransaction(c -> CredentialSql.passwordHash(c, user));
    }

    @Override
    public boolean createUser(String user, String passwordHash) {
        return pool.inTransaction(c -> {
            try {
                CredentialSql.create(c, user, passwordHash);
                return true;
            } catch (SQLException e) {
                if (Dialect.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean setPasswordHash(String user, String passwordHash) {
        return pool.inTransaction(c -> CredentialSql.setPasswordHash(c, user, passwordHash));
    }

    @Override
    public boolean deleteUser(String user) {
        return pool.inTransaction(c -> CredentialSql.delete(c, user));
    }
}
