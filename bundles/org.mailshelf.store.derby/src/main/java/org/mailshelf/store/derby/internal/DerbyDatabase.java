package org.mailshelf.store.derby.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.mailshelf.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything Derby-specific in this store: opening one embedded database in a directory, its SQL dialect, and
 * shutting just that database down. EmbeddedDataSource, not DriverManager: DriverManager does not see drivers
 * across OSGi bundle class loaders.
 *
 * <p>Durability is Derby's default: the log is forced to disk at every commit, so a kill -9 loses nothing a
 * method has returned from. Do not set {@code derby.system.durability}.
 */
final class DerbyDatabase implements Database {

    /**
     * WITH UR: Derby's READ_COMMITTED takes and drops a lock on every row it reads, a third of the time of
     * listing a large mailbox. 40001: deadlock victim, 40XL1: lock wait timeout. Lock escalation: past 5,000 row
     * locks Derby would lock the whole messages table, so flagging or expunging a large mailbox would stall
     * deliveries to every other mailbox; 200,000 row locks are some 30 MB for the few seconds such a change takes.
     */
    static final Dialect DIALECT = new Dialect("BLOB", " WITH UR", Set.of("40001", "40XL1"), List.of(
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.escalationThreshold', '200000')"));

    private static final Logger LOG = LoggerFactory.getLogger(DerbyDatabase.class);
    /** The SQLState of a successful single-database shutdown. */
    private static final String SHUTDOWN_DONE = "08006";
    /** Database not found: it was never booted, so there is nothing to shut down. */
    private static final String NOT_BOOTED = "XJ004";

    private final String name;
    private final EmbeddedDataSource dataSource;

    private DerbyDatabase(String name) {
        this.name = name;
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
    }

    /** Prepares the directory; Derby creates the database in it on the first connection. */
    static DerbyDatabase open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            // Derby refuses to create a database in an existing directory; an empty one is just a leftover
            if (Files.isDirectory(dir) && isEmpty(dir)) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot prepare the database directory " + dir + ": " + e.getMessage(), e);
        }
        routeDerbyLog(dir);
        return new DerbyDatabase(dir.toString());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Derby writes derby.log into the working directory unless told otherwise; put it beside the database.
     * It is read once, when the engine boots; an explicit setting by the launcher wins.
     */
    private static void routeDerbyLog(Path dir) {
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null
                && System.getProperty("derby.stream.error.method") == null) {
            System.setProperty("derby.stream.error.file", dir.resolveSibling("derby.log").toString());
        }
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    /**
     * Shuts this database down (checkpoint, files closed, lock released) and leaves the engine running for
     * other databases; the Derby bundle stops the engine itself when it stops.
     */
    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(name);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection c = shutdown.getConnection()) {
            LOG.warn("Derby did not shut down " + name);
        } catch (SQLException e) {
            if (!SHUTDOWN_DONE.equals(e.getSQLState()) && !NOT_BOOTED.equals(e.getSQLState())) {
                throw new StoreException("Shutting down the database " + name + " failed: " + e.getMessage(), e);
            }
        }
    }
}
