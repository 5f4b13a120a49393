package org.mailshelf.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One pooled connection (autocommit off) with its prepared statements kept for reuse: the store runs a few
 * dozen distinct statements, and preparing them again on every call costs more than running them.
 * Used by one thread at a time.
 */
final class SqlConnection {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqlConnection(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /** The prepared statement for this SQL text; callers set every parameter and close their result sets. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** For one-off statements such as DDL, which are not worth keeping. */
    Connection connection() {
        return connection;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool will notice and replace it
        }
    }

    boolean isBroken() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    void closeQuietly() {
        rollbackQuietly();
        try {
            connection.close(); // closes its statements too
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
