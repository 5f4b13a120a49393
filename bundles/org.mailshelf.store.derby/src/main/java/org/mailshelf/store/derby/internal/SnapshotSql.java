package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code metadata_snapshots} table: one {@link MetadataSnapshot} per large mailbox, with the mailbox state
 * it was taken at. Every change to a mailbox's messages raises its highest mod-sequence (appends its next UID
 * too), and neither ever goes back, so a snapshot whose state equals the mailbox's is exactly its listing.
 */
final class SnapshotSql {

    private SnapshotSql() {
    }

    /** @param state uid_validity, uid_next, highest_modseq as {@link MailboxSql#state} gives them */
    static void save(SqlConnection c, long mailboxId, long[] state, byte[] snapshot) throws SQLException {
        delete(c, mailboxId);
        PreparedStatement ps = c.prepare("INSERT INTO metadata_snapshots (mailbox_id, uid_validity, uid_next,"
                + " highest_modseq, data) VALUES (?, ?, ?, ?, ?)");
        ps.setLong(1, mailboxId);
        ps.setLong(2, state[0]);
        ps.setLong(3, state[1]);
        ps.setLong(4, state[2]);
        ps.setBytes(5, snapshot);
        ps.executeUpdate();
    }

    /** The snapshot taken at exactly this state, or null (none, or the mailbox changed since). */
    static byte[] load(SqlConnection c, long mailboxId, long[] state) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT data FROM metadata_snapshots WHERE mailbox_id = ?"
                + " AND uid_validity = ? AND uid_next = ? AND highest_modseq = ?");
        ps.setLong(1, mailboxId);
        ps.setLong(2, state[0]);
        ps.setLong(3, state[1]);
        ps.setLong(4, state[2]);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /** The mailboxes with a kept snapshot, current or not. */
    static List<Long> mailboxes(SqlConnection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT mailbox_id FROM metadata_snapshots").executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static void delete(SqlConnection c, long mailboxId) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM metadata_snapshots WHERE mailbox_id = ?");
        ps.setLong(1, mailboxId);
        ps.executeUpdate();
    }
}
