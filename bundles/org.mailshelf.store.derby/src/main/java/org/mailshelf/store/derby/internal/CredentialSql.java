package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The users table: account names and the password hashes an auth provider made. */
final class CredentialSql {

    private CredentialSql() {
    }

    static List<String> users(SqlConnection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.prepare("SELECT name FROM users").executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.sort(null); // Java order, whatever the database's collation
        return names;
    }

    static Optional<String> passwordHash(SqlConnection c, String user) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT password_hash FROM users WHERE name = ?");
        ps.setString(1, user);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Throws SQLState 23505 if the user exists. */
    static void create(SqlConnection c, String user, String passwordHash) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO users (name, password_hash) VALUES (?, ?)");
        ps.setString(1, user);
        ps.setString(2, passwordHash);
        ps.executeUpdate();
    }

    static boolean setPasswordHash(SqlConnection c, String user, String passwordHash) throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE users SET password_hash = ? WHERE name = ?");
        ps.setString(1, passwordHash);
        ps.setString(2, user);
        return ps.executeUpdate() > 0;
    }

    static boolean delete(SqlConnection c, String user) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM users WHERE name = ?");
        ps.setString(1, user);
        return ps.executeUpdate() > 0;
    }
}
