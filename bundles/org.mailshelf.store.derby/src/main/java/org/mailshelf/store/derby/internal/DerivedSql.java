package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code derived_data} table: what protocols keep about a mailbox between restarts, by kind. */
final class DerivedSql {

    private DerivedSql() {
    }

    static byte[] load(SqlConnection c, long mailboxId, String kind) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT data FROM derived_data WHERE mailbox_id = ? AND kind = ?");
        ps.setLong(1, mailboxId);
        ps.setString(2, kind);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    static void save(SqlConnection c, long mailboxId, String kind, byte[] data) throws SQLException {
        PreparedStatement delete = c.prepare("DELETE FROM derived_data WHERE mailbox_id = ? AND kind = ?");
        delete.setLong(1, mailboxId);
        delete.setString(2, kind);
        delete.executeUpdate();
        PreparedStatement insert = c.prepare("INSERT INTO derived_data (mailbox_id, kind, data) VALUES (?, ?, ?)");
        insert.setLong(1, mailboxId);
        insert.setString(2, kind);
        insert.setBytes(3, data);
        insert.executeUpdate();
    }

    static void deleteAll(SqlConnection c, long mailboxId) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM derived_data WHERE mailbox_id = ?");
        ps.setLong(1, mailboxId);
        ps.executeUpdate();
    }
}
