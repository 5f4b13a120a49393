package org.mailshelf.admin.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.store.memory.MemoryMailStore;

/** A UserAdmin over the memory store, with the rules of the real one: enough to drive the admin surfaces. */
final class TestUserAdmin implements UserAdmin {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private final MemoryMailStore store;

    TestUserAdmin(MemoryMailStore store) {
        this.store = store;
    }

    @Override
    public List<String> list() {
        return store.users();
    }

    @Override
    public boolean exists(String name) {
        return store.passwordHash(name).isPresent();
    }

    @Override
    public void create(String name, char[] password) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid account name '" + name + "'");
        }
        checkPassword(password);
        if (!store.createUser(name, "plain:" + new String(password))) {
            throw new IllegalStateException("Account exists: " + name);
        }
        store.createMailbox(name, MailboxInfo.INBOX);
    }

    @Override
    public boolean delete(String name) {
        if (!store.deleteUser(name)) {
            return false;
        }
        store.deleteAllMailboxes(name);
        return true;
    }

    @Override
    public boolean changePassword(String name, char[] password) {
        checkPassword(password);
        return store.setPasswordHash(name, "plain:" + new String(password));
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("The password must not be empty");
        }
    }
}
