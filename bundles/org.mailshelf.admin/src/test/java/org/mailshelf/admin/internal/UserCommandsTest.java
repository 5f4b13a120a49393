package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.mailshelf.store.memory.MemoryMailStore;

public class UserCommandsTest {

    private final MemoryMailStore store = new MemoryMailStore();
    private final TestUserAdmin userAdmin = new TestUserAdmin(store);
    private final UserCommands commands = new UserCommands(userAdmin);

    @Test
    public void listsUsers() {
        assertEquals("No users.", commands.users());
        commands.useradd("bob", "pw");
        commands.useradd("alice", "pw");
        assertEquals("alice" + System.lineSeparator() + "bob", commands.users());
    }

    @Test
    public void addsAUser() {
        assertEquals("Created user alice.", commands.useradd("alice", "pw"));
        assertTrue(userAdmin.exists("alice"));
        assertEquals("Error: Account exists: alice", commands.useradd("alice", "pw"));
        assertEquals("Error: Invalid account name 'Not Valid'", commands.useradd("Not Valid", "pw"));
        assertEquals("Error: The password must not be empty", commands.useradd("bob", ""));
        assertEquals("Error: The password must not be empty", commands.useradd("bob", null));
        assertFalse(userAdmin.exists("bob"));
    }

    @Test
    public void deletesAUser() {
        commands.useradd("alice", "pw");
        assertEquals("Deleted user alice and their mail.", commands.userdel("alice"));
        assertEquals("Error: no such user: alice", commands.userdel("alice"));
    }

    @Test
    public void changesAPassword() {
        commands.useradd("alice", "pw");
        assertEquals("Changed the password of alice.", commands.passwd("alice", "new"));
        assertEquals("plain:new", store.passwordHash("alice").orElseThrow());
        assertEquals("Error: no such user: bob", commands.passwd("bob", "new"));
        assertEquals("Error: The password must not be empty", commands.passwd("alice", ""));
        assertEquals("plain:new", store.passwordHash("alice").orElseThrow());
    }
}
