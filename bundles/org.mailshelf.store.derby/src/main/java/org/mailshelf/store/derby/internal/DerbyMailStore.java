package org.mailshelf.store.derby.internal;

import java.nio.file.Path;

/**
 * The mail and credential store in an embedded Derby database. Usable without OSGi:
 * {@code new DerbyMailStore(dir)}, then {@link #close()}; only one instance may have a directory open.
 */
public class DerbyMailStore extends JdbcMailStore {

    /**
     * As many as a listener has worker threads (64), so no command waits for a connection: a commit holds its
     * connection while Derby writes the log, and the more commits wait together the more one log write carries
     * (imaptest stress, 50 clients: 8 connections ~3,000 commands/s, 64 about 9,000). Connections are opened
     * when first needed, so a quiet appliance keeps few.
     */
    public static final int DEFAULT_CONNECTIONS = 64;
    /** Messages whose metadata is kept in memory, over all mailboxes: some 80-100 bytes each, so ~25 MB. */
    public static final int DEFAULT_CACHED_MESSAGES = 250_000;
    /** Content and MIME structure of recently delivered or read messages, in MiB. */
    public static final int DEFAULT_MESSAGE_CACHE_MB = 32;

    public DerbyMailStore(Path databaseDir) {
        this(databaseDir, DEFAULT_CONNECTIONS);
    }

    public DerbyMailStore(Path databaseDir, int connections) {
        this(databaseDir, connections, DEFAULT_CACHED_MESSAGES);
    }

    /** @param cachedMessages the metadata cache's budget in messages; 0 disables it and the message cache */
    public DerbyMailStore(Path databaseDir, int connections, long cachedMessages) {
        this(databaseDir, connections, cachedMessages, cachedMessages == 0 ? 0 : DEFAULT_MESSAGE_CACHE_MB << 20);
    }

    /**
     * @param cachedMessages the metadata cache's budget in messages; 0 disables it
     * @param cachedBytes    the message cache's budget in bytes; 0 disables it
     */
    public DerbyMailStore(Path databaseDir, int connections, long cachedMessages, long cachedBytes) {
        super(DerbyDatabase.open(databaseDir), connections, cachedMessages, cachedBytes);
    }
}
