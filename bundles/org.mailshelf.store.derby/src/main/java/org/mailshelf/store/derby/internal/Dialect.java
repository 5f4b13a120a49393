package org.mailshelf.store.derby.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * What differs between the SQL databases this store can run on. Everything else in this package is portable
 * SQL, so a PostgreSQL store needs a new {@link Database}, not new queries.
 *
 * @param blobType        the column type for message content (Derby {@code BLOB}, PostgreSQL {@code BYTEA})
 * @param unlockedRead    appended to a query that may skip row locks (Derby {@code " WITH UR"}; empty where
 *                        reads never lock, as in PostgreSQL); used only where the store itself guarantees
 *                        that no change to the rows read is under way
 * @param transientStates SQLStates worth one retry: deadlock victim, lock timeout
 * @param startup         statements run at every start, after the schema is in place (tuning)
 */
record Dialect(String blobType, String unlockedRead, Set<String> transientStates, List<String> startup) {

    /** Standard SQLState for a unique or primary key violation; Derby and PostgreSQL both use it. */
    private static final String DUPLICATE_KEY = "23505";

    boolean isTransient(SQLException e) {
        return anyState(e, transientStates);
    }

    static boolean isDuplicateKey(SQLException e) {
        return anyState(e, Set.of(DUPLICATE_KEY));
    }

    private static boolean anyState(SQLException e, Set<String> states) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (states.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
