package org.mailshelf.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.CredentialStore;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxEvent;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.api.store.MailboxListener;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.api.store.Subscription;
import org.osgi.service.component.annotations.Component;

/** A store that keeps everything on the heap. Thread-safe; "durable" for as long as the object lives. */
@Component(service = {MailStore.class, CredentialStore.class}, property = "store.type=memory")
public class MemoryMailStore implements MailStore, CredentialStore {

    private final AtomicLong mailboxIds = new AtomicLong();
    private final AtomicLong uidValidities = new AtomicLong(Instant.now().getEpochSecond());
    /** user -> (mailbox name -> mailbox), guarded by itself. */
    private final Map<String, Map<String, Box>> users = new TreeMap<>();
    private final Map<Long, Box> boxes = new ConcurrentHashMap<>();
    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();

    private final class Box {
        final long id = mailboxIds.incrementAndGet();
        final String user;
        final String name;
        final long uidValidity = uidValidities.incrementAndGet();
        final TreeMap<Long, MessageMeta> metas = new TreeMap<>();
        final Map<Long, byte[]> contents = new ConcurrentHashMap<>();
        final List<MailboxListener> listeners = new CopyOnWriteArrayList<>();
        long uidNext = 1;
        long modSeq = 1;

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
        MessageMeta meta;
        synchronized (box) {
            meta = new MessageMeta(box.uidNext++, ++box.modSeq, content.length, internalDate, flags);
            box.contents.put(meta.uid(), content.clone());
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
        byte[] content = box(mailboxId).contents.get(uid);
        if (content == null) {
            throw new MessageNotFoundException(mailboxId, uid);
        }
        return content.clone();
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
        }
        if (!removed.isEmpty()) {
            box.publish(new MailboxEvent.Expunged(mailboxId, List.copyOf(removed), modSeq));
        }
        return removed;
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
