package org.mailshelf.store.derby.internal;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.mailshelf.api.store.StoreException;

/**
 * A fixed number of connections, each lent to one transaction at a time. Connections are made when first
 * needed and replaced when the database closed one (Derby does after a severe error), so the pool heals.
 */
final class ConnectionPool implements AutoCloseable {

    /** The body of a transaction; it may throw a {@link StoreException} to roll back and report. */
    @FunctionalInterface
    interface Work<T> {
        T run(SqlConnection connection) throws SQLException;
    }

    private static final long BORROW_TIMEOUT_SECONDS = 30;
    private static final long CLOSE_GRACE_SECONDS = 10;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final int size;
    private final Semaphore permits;
    private final BlockingQueue<SqlConnection> idle;
    private volatile boolean closed;

    ConnectionPool(DataSource dataSource, Dialect dialect, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A pool needs at least one connection, not " + size);
        }
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * Runs the work in one transaction and commits it, so the change is durable when this returns. A deadlock
     * or lock timeout is retried once; anything else rolls back and is thrown as a {@link StoreException}.
     */
    <T> T inTransaction(Work<T> work) {
        for (int attempt = 1;; attempt++) {
            SqlConnection connection = borrow();
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollbackQuietly();
                if (attempt == 1 && dialect.isTransient(e)) {
                    continue;
                }
                throw new StoreException("Database error: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                        e);
            } catch (RuntimeException | Error e) {
                connection.rollbackQuietly();
                throw e;
            } finally {
                release(connection);
            }
        }
    }

    private SqlConnection borrow() {
        if (closed) {
            throw new StoreException("The store is closed");
        }
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException("No database connection free for " + BORROW_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted waiting for a database connection", e);
        }
        SqlConnection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return new SqlConnection(dataSource.getConnection());
        } catch (SQLException e) {
            permits.release();
            throw new StoreException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    private void release(SqlConnection connection) {
        if (closed || connection.isBroken()) {
            connection.closeQuietly();
        } else {
            idle.add(connection);
        }
        permits.release();
    }

    /** Lets transactions under way finish (for a while), then closes every connection. */
    @Override
    public void close() {
        closed = true;
        boolean quiet = false;
        try {
            quiet = permits.tryAcquire(size, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SqlConnection c; (c = idle.poll()) != null;) {
            c.closeQuietly();
        }
        if (quiet) {
            permits.release(size);
        }
    }
}
