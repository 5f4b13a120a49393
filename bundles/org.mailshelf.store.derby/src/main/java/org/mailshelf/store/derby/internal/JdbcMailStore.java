package org.mailshelf.store.derby.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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
import org.mailshelf.store.derby.internal.MailboxEvents.Change;
import org.mailshelf.store.derby.internal.MailboxSql.Allocation;

/**
 * The store on any SQL database: each method is one transaction, committed before it returns, and each change
 * is published to the mailbox's listeners after the commit. Nothing in here is specific to Derby.
 */
public class JdbcMailStore implements MailStore, CredentialStore, AutoCloseable {

    private final Database database;
    private final ConnectionPool pool;
    private final MailboxEvents events = new MailboxEvents();

    /** Takes ownership of the database: it is closed with this store, or at once if the schema cannot be made. */
    JdbcMailStore(Database database, int connections) {
        this.database = database;
        try {
            this.pool = new ConnectionPool(database.dataSource(), database.dialect(), connections);
            Schema.migrate(pool, database.dialect());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Waits briefly for transactions under way, then closes the connections and the database. */
    @Override
    public void close() {
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
    }

    private void delete(long id, String name) {
        events.change(id, () -> {
            pool.inTransaction(c -> {
                if (!MailboxSql.delete(c, id)) {
                    throw new MailboxNotFoundException(name);
                }
                MessageSql.deleteAll(c, id);
                return null;
            });
            return new Change<>(null, new MailboxEvent.Deleted(id));
        });
        events.forget(id);
    }

    @Override
    public MessageMeta append(long mailboxId, byte[] content, Flags flags, Instant internalDate) {
        // the database keeps milliseconds: return exactly what a later read will return
        Instant date = Instant.ofEpochMilli(internalDate.toEpochMilli());
        return events.change(mailboxId, () -> {
            MessageMeta meta = pool.inTransaction(c -> {
                Allocation next = MailboxSql.allocateUid(c, mailboxId);
                MessageMeta m = new MessageMeta(next.uid(), next.modSeq(), content.length, date, flags);
                MessageSql.insert(c, mailboxId, m, content);
                return m;
            });
            return new Change<>(meta, new MailboxEvent.Added(mailboxId, List.of(meta)));
        });
    }

    @Override
    public List<MessageMeta> messages(long mailboxId) {
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
        byte[] content = pool.inTransaction(c -> MessageSql.content(c, mailboxId, uid));
        if (content == null) {
            throw new MessageNotFoundException(mailboxId, uid);
        }
        return content;
    }

    @Override
    public List<MessageMeta> updateFlags(long mailboxId, Collection<Long> uids, FlagUpdate update, Flags flags) {
        TreeSet<Long> wanted = new TreeSet<>(uids);
        return events.change(mailboxId, () -> {
            List<MessageMeta> changed = pool.inTransaction(c -> {
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
            });
            return new Change<>(changed,
                    changed.isEmpty() ? null : new MailboxEvent.FlagsChanged(mailboxId, changed));
        });
    }

    @Override
    public List<Long> expunge(long mailboxId, Collection<Long> uids) {
        TreeSet<Long> wanted = new TreeSet<>(uids);
        return events.change(mailboxId, () -> {
            MailboxEvent.Expunged expunged = pool.inTransaction(c -> {
                long modSeq = MailboxSql.lockForChange(c, mailboxId);
                List<Long> present = MessageSql.find(c, database.dialect(), mailboxId, wanted).stream()
                        .map(MessageMeta::uid).toList();
                if (present.isEmpty()) {
                    return null;
                }
                MessageSql.delete(c, mailboxId, present);
                MailboxSql.setHighestModSeq(c, mailboxId, modSeq + 1);
                return new MailboxEvent.Expunged(mailboxId, present, modSeq + 1);
            });
            return expunged == null ? new Change<>(List.<Long>of(), null) : new Change<>(expunged.uids(), expunged);
        });
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
