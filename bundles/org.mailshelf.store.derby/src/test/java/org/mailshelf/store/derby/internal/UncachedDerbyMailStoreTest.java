package org.mailshelf.store.derby.internal;

import java.nio.file.Path;

/** The contract and the Derby tests again with the metadata cache disabled: both read paths are proven. */
public class UncachedDerbyMailStoreTest extends DerbyMailStoreTest {

    @Override
    protected DerbyMailStore newStore(Path databaseDir) {
        return new DerbyMailStore(databaseDir, DerbyMailStore.DEFAULT_CONNECTIONS, 0);
    }
}
