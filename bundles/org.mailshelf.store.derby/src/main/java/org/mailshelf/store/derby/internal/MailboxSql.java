package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.RecentClaim;

/**
 * The mailboxes table and the store-wide counters. The mailbox row is also the lock that serializes every
 * change to one mailbox: writers update it first, so they queue on it and never deadlock on messages.
 */
final class MailboxSql {

    /** A UID and the mod-sequence of the append that took it. */
    record Allocation(long uid, long modSeq) {
    }

    private static final String COLUMNS = "id, user_name, name, uid_validity, uid_next, highest_modseq";

    private MailboxSql() {
    }

    static List<MailboxInfo> list(SqlConnection c, String user) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT " + COLUMNS + " FROM mailboxes WHERE user_name = ? ORDER BY name");
        ps.setString(1, user);
        List<MailboxInfo> boxes = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                boxes.add(read(rs));
            }
        }
        return boxes;
    }

    static Optional<MailboxInfo> find(SqlConnection c, String user, String name) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT " + COLUMNS + " FROM mailboxes WHERE user_name = ? AND name = ?");
        ps.setString(1, user);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    static boolean exists(SqlConnection c, long id) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT id FROM mailboxes WHERE id = ?");
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /**
     * Inserts a mailbox with a new id and a UIDVALIDITY that is the creation time in seconds, or one more
     * than the last one this store handed out, whichever is greater: unique even for a mailbox deleted and
     * made again in the same second. Throws SQLState 23505 if the user has a mailbox of that name.
     */
    static MailboxInfo create(SqlConnection c, String user, String name, long nowSeconds) throws SQLException {
        PreparedStatement bump = c.prepare("UPDATE store_state SET last_mailbox_id = last_mailbox_id + 1,"
                + " last_uid_validity = CASE WHEN last_uid_validity < ? THEN ? ELSE last_uid_validity + 1 END"
                + " WHERE id = 1");
        bump.setLong(1, nowSeconds);
        bump.setLong(2, nowSeconds);
        bump.executeUpdate();
        long id;
        long uidValidity;
        try (ResultSet rs = c.prepare("SELECT last_mailbox_id, last_uid_validity FROM store_state WHERE id = 1")
                .executeQuery()) {
            rs.next();
            id = rs.getLong(1);
            uidValidity = rs.getLong(2);
        }
        MailboxInfo box = new MailboxInfo(id, user, name, uidValidity, 1, 1);
        PreparedStatement insert = c.prepare("INSERT INTO mailboxes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
        insert.setLong(1, box.id());
        insert.setString(2, box.user());
        insert.setString(3, box.name());
        insert.setLong(4, box.uidValidity());
        insert.setLong(5, box.uidNext());
        insert.setLong(6, box.highestModSeq());
        insert.executeUpdate();
        return box;
    }

    /** Deletes the mailbox row only (locking it first); the caller removes its messages. */
    static boolean delete(SqlConnection c, long id) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM mailboxes WHERE id = ?");
        ps.setLong(1, id);
        return ps.executeUpdate() > 0;
    }

    /** Takes the next UID and mod-sequence; the row stays locked until commit, so appends queue here. */
    static Allocation allocateUid(SqlConnection c, long id) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE mailboxes SET uid_next = uid_next + 1,"
                + " highest_modseq = highest_modseq + 1 WHERE id = ?");
        ps.setLong(1, id);
        if (ps.executeUpdate() == 0) {
            throw new MailboxNotFoundException("#" + id);
        }
        PreparedStatement read = c.prepare("SELECT uid_next, highest_modseq FROM mailboxes WHERE id = ?");
        read.setLong(1, id);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return new Allocation(rs.getLong(1) - 1, rs.getLong(2));
        }
    }

    /**
     * Locks the mailbox row for a change to its messages (an update that changes nothing still takes the row
     * lock) and returns the highest mod-sequence so far.
     */
    static long lockForChange(SqlConnection c, long id) throws SQLException {
        PreparedStatement lock = c.prepare("UPDATE mailboxes SET highest_modseq = highest_modseq WHERE id = ?");
        lock.setLong(1, id);
        if (lock.executeUpdate() == 0) {
            throw new MailboxNotFoundException("#" + id);
        }
        PreparedStatement read = c.prepare("SELECT highest_modseq FROM mailboxes WHERE id = ?");
        read.setLong(1, id);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Takes {@code count} consecutive UIDs and one mod-sequence for a copy into the mailbox; like
     * {@link #allocateUid}, the row stays locked until commit.
     *
     * @return the first UID and the mod-sequence
     */
    static Allocation allocateUids(SqlConnection c, long id, int count) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE mailboxes SET uid_next = uid_next + ?,"
                + " highest_modseq = highest_modseq + 1 WHERE id = ?");
        ps.setLong(1, count);
        ps.setLong(2, id);
        if (ps.executeUpdate() == 0) {
            throw new MailboxNotFoundException("#" + id);
        }
        PreparedStatement read = c.prepare("SELECT uid_next, highest_modseq FROM mailboxes WHERE id = ?");
        read.setLong(1, id);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return new Allocation(rs.getLong(1) - count, rs.getLong(2));
        }
    }

    /** Throws SQLState 23505 if the user has a mailbox of the new name. */
    static void rename(SqlConnection c, long id, String newName) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE mailboxes SET name = ? WHERE id = ?");
        ps.setString(1, newName);
        ps.setLong(2, id);
        ps.executeUpdate();
    }

    static long recentFloor(SqlConnection c, long id) throws SQLException {
        PreparedStatement read = c.prepare("SELECT recent_floor FROM mailboxes WHERE id = ?");
        read.setLong(1, id);
        try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new MailboxNotFoundException("#" + id);
            }
            return rs.getLong(1);
        }
    }

    /**
     * Returns [recent-floor, uid_next) and advances the floor to uid_next. Writes only when there is something
     * to claim, so the usual SELECT of a mailbox without new mail commits nothing to the log.
     */
    static RecentClaim claimRecent(SqlConnection c, long id) throws SQLException {
        while (true) {
            long floor;
            long uidNext;
            PreparedStatement read = c.prepare("SELECT recent_floor, uid_next FROM mailboxes WHERE id = ?");
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new MailboxNotFoundException("#" + id);
                }
                floor = rs.getLong(1);
                uidNext = rs.getLong(2);
            }
            if (uidNext == floor) {
                return new RecentClaim(floor, uidNext); // nothing new: no write, so no durable commit
            }
            // compare and set: if another session moved the floor since the read, read again
            PreparedStatement advance = c.prepare(
                    "UPDATE mailboxes SET recent_floor = ? WHERE id = ? AND recent_floor = ?");
            advance.setLong(1, uidNext);
            advance.setLong(2, id);
            advance.setLong(3, floor);
            if (advance.executeUpdate() == 1) {
                return new RecentClaim(floor, uidNext);
            }
        }
    }

    /** uid_validity, uid_next, highest_modseq of the mailbox, or null if there is none. */
    static long[] state(SqlConnection c, long id) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT uid_validity, uid_next, highest_modseq FROM mailboxes WHERE id = ?");
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)} : null;
        }
    }

    static void setHighestModSeq(SqlConnection c, long id, long modSeq) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE mailboxes SET highest_modseq = ? WHERE id = ?");
        ps.setLong(1, modSeq);
        ps.setLong(2, id);
        ps.executeUpdate();
    }

    private static MailboxInfo read(ResultSet rs) throws SQLException {
        return new MailboxInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
