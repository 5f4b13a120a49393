package org.mailshelf.store.memory;

import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailStoreContract;

public class MemoryMailStoreTest extends MailStoreContract {

    @Override
    protected MailStore open() {
        return new MemoryMailStore();
    }
}
