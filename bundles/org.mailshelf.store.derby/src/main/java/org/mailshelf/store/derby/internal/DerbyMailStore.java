package org.mailshelf.store.derby.internal;

import java.nio.file.Path;

/**
 * The mail and credential store in an embedded Derby database. Usable without OSGi:
 * {@code new DerbyMailStore(dir)}, then {@link #close()}; only one instance may have a directory open.
 */
public class DerbyMailStore extends JdbcMailStore {

    public static final int DEFAULT_CONNECTIONS = 8;

    public DerbyMailStore(Path databaseDir) {
        this(databaseDir, DEFAULT_CONNECTIONS);
    }

    public DerbyMailStore(Path databaseDir, int connections) {
        super(DerbyDatabase.open(databaseDir), connections);
    }
}
