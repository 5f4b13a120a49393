package org.mailshelf.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

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
import org.osgi.service.component.annotations.Component;

/**
 * A store that keeps everything on the heap. Thread-safe; "durable" for as long as the object lives. Each message
 * is kept with its MIME analysis, computed once in {@link #append} (outside any lock) and shared by its copies.
 */
@Component(service = {MailStore.class, CredentialStore.class}, property = "store.type=memory")
public class MemoryMailStore implements MailStore, CredentialStore {

    private final AtomicLong mailboxIds = new AtomicLong();
    private final AtomicLong uidValidities = new AtomicLong(Instant.now().getEpochSecond());
    /** user -> (mailbox name -> mailbox), guarded by itself. */
    private final Map<String, Map<String, Box>> users = new TreeMap<>();
    private final Map<Long, Box> boxes = new ConcurrentHashMap<>();
    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();
    /** user -> subscribed names, guarded by {@link #users}. */
    private final Map<String, Set<String>> subscriptions = new TreeMap<>();

    private final class Box {
        final long id = mailboxIds.incrementAndGet();
        final String user;
        /** Changed by a rename, under {@link #users}. */
        volatile String name;
        final long uidValidity = uidValidities.incrementAndGet();
        final TreeMap<Long, MessageMeta> metas = new TreeMap<>();
        /** Expunged or moved-away UID -> the mod-sequence of its removal; all of them, never capped. */
        final TreeMap<Long, Long> tombstones = new TreeMap<>();
        /** The bytes and analysis of each message; both immutable once stored, so copies share them. */
        final Map<Long, Stored> contents = new ConcurrentHashMap<>();
        final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
        /** What protocols keep about the mailbox, by kind; goes with the box. */
        final Map<String, byte[]> derived = new ConcurrentHashMap<>();
        long uidNext = 1;
        long modSeq = 1;
        long recentFloor = 1;

        Box(String user, String name) {
            this.user = user;
            this.name = name;
        }

        synchronized MailboxInfo info() {
            return new MailboxInfo(id, user, name, uidValidity, uidNext, modSeq);
        }

        void publish(MailboxEvent event) {
            for (MailboxListener l : listeners) {
                l.changed(event);
            }
        }
    }

    /** A message's bytes as received and its serialized {@code MessageStructure}; never modified. */
    private record Stored(byte[] content, byte[] structure) {
    }

    @Override
    public List<MailboxInfo> mailboxes(String user) {
        synchronized (users) {
            Map<String, Box> mine = users.getOrDefault(user, Map.of());
            return mine.values().stream().map(Box::info).toList();
        }
    }

    @Override
    public Optional<MailboxInfo> mailbox(String user, String name) {
        synchronized (users) {
            return Optional.ofNullable(users.getOrDefault(user, Map.of()).get(name)).map(Box::info);
        }
    }

    @Override
    public MailboxInfo createMailbox(String user, String name) {
        synchronized (users) {
            Map<String, Box> mine = users.computeIfAbsent(user, u -> new TreeMap<>());
            if (mine.containsKey(name)) {
                throw new MailboxExistsException(name);
            }
            Box box = new Box(user, name);
            mine.put(name, box);
            boxes.put(box.id, box);
            return box.info();
        }
    }

    @Override
    public Optional<byte[]> derived(long mailboxId, String kind) {
        Box box = boxes.get(mailboxId);
        return box == null ? Optional.empty() : Optional.ofNullable(box.derived.get(kind)).map(byte[]::clone);
    }

    @Override
    public void keepDerived(long mailboxId, String kind, byte[] data) {
        Box box = boxes.get(mailboxId);
        if (box != null) {
            box.derived.put(kind, data.clone());
        }
    }

    @Override
    public void deleteMailbox(String user, String name) {
        Box box;
        synchronized (users) {
            box = users.getOrDefault(user, Map.of()).get(name);
            if (box == null) {
                throw new MailboxNotFoundException(name);
            }
            users.get(user).remove(name);
            boxes.remove(box.id);
        }
        box.publish(new MailboxEvent.Deleted(box.id));
    }

    @Override
    public void deleteAllMailboxes(String user) {
        List<String> names;
        synchronized (users) {
            names = new ArrayList<>(users.getOrDefault(user, Map.of()).keySet());
        }
        for (String name : names) {
            deleteMailbox(user, name);
        }
        synchronized (users) {
            users.remove(user);
            subscriptions.remove(user);
        }
    }

    @Override
    public void renameMailbox(String user, String from, String to) {
        if (from.equals(MailboxInfo.INBOX)) {
            renameInbox(user, to);
            return;
        }
        checkRenameTarget(from, to);
        synchronized (users) {
            Map<String, Box> mine = users.getOrDefault(user, Map.of());
            if (!mine.containsKey(from)) {
                throw new MailboxNotFoundException(from);
            }
            Map<String, String> renames = new TreeMap<>();
            for (String name : mine.keySet()) {
                if (name.equals(from) || name.startsWith(from + "/")) {
                    String renamed = to + name.substring(from.length());
                    if (mine.containsKey(renamed)) {
                        throw new MailboxExistsException(renamed);
                    }
                    renames.put(name, renamed);
                }
            }
            List<Box> moved = new ArrayList<>();
            for (String name : renames.keySet()) {
                moved.add(mine.remove(name));
            }
            for (Box box : moved) {
                box.name = renames.get(box.name);
                mine.put(box.name, box);
            }
        }
    }

    /** Refuses renaming a mailbox to itself or below itself, which would have to rename its own new name. */
    static void checkRenameTarget(String from, String to) {
        if (to.equals(from) || to.startsWith(from + "/")) {
            throw new StoreException("Cannot rename " + from + " to itself or below itself: " + to);
        }
    }

    private void renameInbox(String user, String to) {
        Box inbox;
        Transfer t;
        synchronized (users) {
            Map<String, Box> mine = users.getOrDefault(user, Map.of());
            inbox = mine.get(MailboxInfo.INBOX);
            if (inbox == null) {
                throw new MailboxNotFoundException(MailboxInfo.INBOX);
            }
            if (mine.containsKey(to)) {
                throw new MailboxExistsException(to);
            }
            Box target = new Box(user, to);
            synchronized (inbox) {
                // under both locks: no session can see the new mailbox before it holds INBOX's messages
                t = transfer(inbox, List.copyOf(inbox.metas.keySet()), target, true);
                mine.put(to, target);
                boxes.put(target.id, target);
            }
        }
        if (t.expunged != null) {
            inbox.publish(t.expunged);
        }
    }

    @Override
    public Set<String> subscriptions(String user) {
        synchronized (users) {
            return Set.copyOf(subscriptions.getOrDefault(user, Set.of()));
        }
    }

    @Override
    public void subscribe(String user, String name) {
        synchronized (users) {
            subscriptions.computeIfAbsent(user, u -> new TreeSet<>()).add(name);
        }
    }

    @Override
    public void unsubscribe(String user, String name) {
        synchronized (users) {
            Set<String> mine = subscriptions.get(user);
            if (mine != null) {
                mine.remove(name);
            }
        }
    }

    private Box box(long mailboxId) {
        Box box = boxes.get(mailboxId);
        if (box == null) {
            throw new MailboxNotFoundException("#" + mailboxId);
        }
        return box;
    }

    @Override
    public MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate) {
        Box box = box(mailboxId);
        byte[] copy = content.clone();
        Stored stored = new Stored(copy, MessageAnalyzer.analyze(copy).toBytes()); // before the lock: it takes time
        MessageMeta meta;
        synchronized (box) {
            meta = new MessageMeta(box.uidNext++, ++box.modSeq, content.length, internalDate, flags);
            box.contents.put(meta.uid(), stored);
            box.metas.put(meta.uid(), meta);
        }
        box.publish(new MailboxEvent.Added(mailboxId, List.of(meta)));
        return meta;
    }

    @Override
    public List<MessageMeta> messages(long mailboxId) {
        Box box = box(mailboxId);
        synchronized (box) {
            return List.copyOf(box.metas.values());
        }
    }

    @Override
    public byte[] content(long mailboxId, long uid) {
        return stored(mailboxId, uid).content().clone();
    }

    @Override
    public byte[] structure(long mailboxId, long uid) {
        return stored(mailboxId, uid).structure().clone();
    }

    private Stored stored(long mailboxId, long uid) {
        Stored stored = box(mailboxId).contents.get(uid);
        if (stored == null) {
            throw new MessageNotFoundException(mailboxId, uid);
        }
        return stored;
    }

    @Override
    public Map<Long, byte[]> structures(long mailboxId, Collection<Long> uids) {
        Box box = box(mailboxId);
        SortedMap<Long, byte[]> found = new TreeMap<>();
        for (long uid : uids) {
            Stored stored = box.contents.get(uid);
            if (stored != null) {
                found.put(uid, stored.structure().clone());
            }
        }
        return found;
    }

    @Override
    public List<MessageMeta> updateFlags(long mailboxId, Collection<Long> uids, FlagUpdate update, Flags flags) {
        Box box = box(mailboxId);
        List<MessageMeta> changed = new ArrayList<>();
        synchronized (box) {
            for (long uid : new TreeSet<>(uids)) {
                MessageMeta meta = box.metas.get(uid);
                if (meta == null) {
                    continue;
                }
                Flags next = update.apply(meta.flags(), flags);
                if (!next.equals(meta.flags())) {
                    MessageMeta updated = meta.withFlags(next, ++box.modSeq);
                    box.metas.put(uid, updated);
                    changed.add(updated);
                }
            }
        }
        if (!changed.isEmpty()) {
            box.publish(new MailboxEvent.FlagsChanged(mailboxId, List.copyOf(changed)));
        }
        return changed;
    }

    @Override
    public List<Long> expunge(long mailboxId, Collection<Long> uids) {
        Box box = box(mailboxId);
        List<Long> removed = new ArrayList<>();
        long modSeq;
        synchronized (box) {
            for (long uid : new TreeSet<>(uids)) {
                if (box.metas.remove(uid) != null) {
                    box.contents.remove(uid);
                    removed.add(uid);
                }
            }
            modSeq = removed.isEmpty() ? box.modSeq : ++box.modSeq;
            for (long uid : removed) {
                box.tombstones.put(uid, modSeq);
            }
        }
        if (!removed.isEmpty()) {
            box.publish(new MailboxEvent.Expunged(mailboxId, List.copyOf(removed), modSeq));
        }
        return removed;
    }

    /** What a copy or move did: the result and the events to publish (null: none). */
    private record Transfer(List<CopiedMessage> copied, MailboxEvent.Added added, MailboxEvent.Expunged expunged) {
    }

    @Override
    public List<CopiedMessage> copy(long fromMailboxId, Collection<Long> uids, long toMailboxId) {
        return transfer(fromMailboxId, uids, toMailboxId, false);
    }

    @Override
    public List<CopiedMessage> move(long fromMailboxId, Collection<Long> uids, long toMailboxId) {
        return transfer(fromMailboxId, uids, toMailboxId, true);
    }

    private List<CopiedMessage> transfer(long fromMailboxId, Collection<Long> uids, long toMailboxId, boolean move) {
        Box from = box(fromMailboxId);
        Box to = box(toMailboxId);
        // two boxes are always locked in id order, so two transfers in opposite directions cannot deadlock
        Box first = from.id <= to.id ? from : to;
        Box second = first == from ? to : from;
        Transfer t;
        synchronized (first) {
            synchronized (second) {
                t = transfer(from, uids, to, move);
            }
        }
        if (t.added != null) {
            to.publish(t.added);
        }
        if (t.expunged != null) {
            from.publish(t.expunged);
        }
        return t.copied;
    }

    /** The caller holds both boxes' locks. */
    private static Transfer transfer(Box from, Collection<Long> uids, Box to, boolean move) {
        List<MessageMeta> present = new ArrayList<>();
        for (long uid : new TreeSet<>(uids)) {
            MessageMeta meta = from.metas.get(uid);
            if (meta != null) {
                present.add(meta);
            }
        }
        if (present.isEmpty()) {
            return new Transfer(List.of(), null, null);
        }
        long copyModSeq = ++to.modSeq;
        List<CopiedMessage> copied = new ArrayList<>();
        for (MessageMeta m : present) {
            MessageMeta copy = new MessageMeta(to.uidNext++, copyModSeq, m.size(), m.internalDate(), m.flags());
            to.contents.put(copy.uid(), from.contents.get(m.uid()));
            to.metas.put(copy.uid(), copy);
            copied.add(new CopiedMessage(m.uid(), copy));
        }
        MailboxEvent.Expunged expunged = null;
        if (move) {
            long modSeq = ++from.modSeq;
            List<Long> removed = new ArrayList<>();
            for (MessageMeta m : present) {
                from.metas.remove(m.uid());
                from.contents.remove(m.uid());
                from.tombstones.put(m.uid(), modSeq);
                removed.add(m.uid());
            }
            expunged = new MailboxEvent.Expunged(from.id, List.copyOf(removed), modSeq);
        }
        return new Transfer(List.copyOf(copied),
                new MailboxEvent.Added(to.id, copied.stream().map(CopiedMessage::copy).toList()), expunged);
    }

    @Override
    public MailboxCounts counts(long mailboxId) {
        Box box = box(mailboxId);
        synchronized (box) {
            int unseen = 0;
            long size = 0;
            for (MessageMeta m : box.metas.values()) {
                if (!m.flags().has(Flags.SEEN)) {
                    unseen++;
                }
                size += m.size();
            }
            return new MailboxCounts(box.metas.size(), unseen, size, box.uidNext, box.uidValidity, box.modSeq);
        }
    }

    @Override
    public List<MessageMeta> changedSince(long mailboxId, long modSeq) {
        Box box = box(mailboxId);
        synchronized (box) {
            return box.metas.values().stream().filter(m -> m.modSeq() > modSeq).toList();
        }
    }

    @Override
    public List<Long> expungedSince(long mailboxId, long modSeq) {
        Box box = box(mailboxId);
        synchronized (box) {
            return box.tombstones.entrySet().stream().filter(e -> e.getValue() > modSeq).map(Map.Entry::getKey)
                    .toList();
        }
    }

    @Override
    public long claimRecent(long mailboxId) {
        return claimRecentRange(mailboxId).from();
    }

    @Override
    public RecentClaim claimRecentRange(long mailboxId) {
        Box box = box(mailboxId);
        synchronized (box) {
            RecentClaim claim = new RecentClaim(box.recentFloor, box.uidNext);
            box.recentFloor = box.uidNext;
            return claim;
        }
    }

    @Override
    public long recentFloor(long mailboxId) {
        Box box = box(mailboxId);
        synchronized (box) {
            return box.recentFloor;
        }
    }

    @Override
    public Subscription subscribe(long mailboxId, MailboxListener listener) {
        Box box = box(mailboxId);
        box.listeners.add(listener);
        return () -> box.listeners.remove(listener);
    }

    @Override
    public List<String> users() {
        return passwordHashes.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<String> passwordHash(String user) {
        return Optional.ofNullable(passwordHashes.get(user));
    }

    @Override
    public boolean createUser(String user, String passwordHash) {
        return passwordHashes.putIfAbsent(user, passwordHash) == null;
    }

    @Override
    public boolean setPasswordHash(String user, String passwordHash) {
        return passwordHashes.replace(user, passwordHash) != null;
    }

    @Override
    public boolean deleteUser(String user) {
        return passwordHashes.remove(user) != null;
    }
}
