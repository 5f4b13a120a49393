package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/** The subscriptions table: the names a user subscribed to (IMAP SUBSCRIBE/LSUB), mailboxes or not. */
final class SubscriptionSql {

    private SubscriptionSql() {
    }

    static Set<String> list(SqlConnection c, String user) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT name FROM subscriptions WHERE user_name = ?");
        ps.setString(1, user);
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Adds the name unless it is there (no duplicate-key error, so the transaction stays usable). */
    static void add(SqlConnection c, String user, String name) throws SQLException {
        PreparedStatement find = c.prepare("SELECT name FROM subscriptions WHERE user_name = ? AND name = ?");
        find.setString(1, user);
        find.setString(2, name);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        PreparedStatement ps = c.prepare("INSERT INTO subscriptions (user_name, name) VALUES (?, ?)");
        ps.setString(1, user);
        ps.setString(2, name);
        ps.executeUpdate();
    }

    static void remove(SqlConnection c, String user, String name) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM subscriptions WHERE user_name = ? AND name = ?");
        ps.setString(1, user);
        ps.setString(2, name);
        ps.executeUpdate();
    }

    static void removeAll(SqlConnection c, String user) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM subscriptions WHERE user_name = ?");
        ps.setString(1, user);
        ps.executeUpdate();
    }
}
