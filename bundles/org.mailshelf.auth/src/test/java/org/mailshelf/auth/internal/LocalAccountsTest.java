package org.mailshelf.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.AuthResult;
import org.mailshelf.store.memory.MemoryMailStore;

public class LocalAccountsTest {

    private final MemoryMailStore store = new MemoryMailStore();
    private final SecureRandom random = new SecureRandom();
    private final VerifiedCache cache = new VerifiedCache(Duration.ofSeconds(300), System::nanoTime, random);
    private final LocalAccounts accounts = new LocalAccounts(store, store, new BcryptHasher(4, random), cache);

    private AuthResult login(String user, String password) {
        return accounts.authenticate(user, password.toCharArray());
    }

    private String storedHash(String user) {
        return store.passwordHash(user).orElseThrow();
    }

    @Test
    public void createStoresABcryptHashAndMakesTheInbox() {
        accounts.create("alice", "s3cret-pw".toCharArray());

        assertTrue(store.mailbox("alice", MailboxInfo.INBOX).isPresent());
        String hash = storedHash("alice");
        assertTrue(hash, hash.startsWith("$2"));
        assertFalse(hash.contains("s3cret-pw"));
        assertEquals(List.of("alice"), accounts.list());
        assertTrue(accounts.exists("alice"));
        assertFalse(accounts.exists("bob"));
    }

    @Test
    public void createMakesTheSpecialUseFoldersSubscribed() {
        accounts.create("alice", "pw".toCharArray());
        List<String> names = store.mailboxes("alice").stream().map(MailboxInfo::name).sorted().toList();
        assertEquals(List.of("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash"), names);
        assertEquals(Set.copyOf(names), store.subscriptions("alice"));
    }

    @Test
    public void createKeepsAnExistingInbox() {
        store.createMailbox("alice", MailboxInfo.INBOX);
        accounts.create("alice", "pw".toCharArray());
        assertTrue(accounts.exists("alice"));
    }

    @Test
    public void createKeepsExistingFoldersAndTheirMail() {
        MailboxInfo trash = store.createMailbox("alice", "Trash");
        store.append(trash.id(), "Subject: old\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), Flags.NONE,
                Instant.now());
        accounts.create("alice", "pw".toCharArray());
        assertEquals(trash.id(), store.mailbox("alice", "Trash").orElseThrow().id());
        assertEquals(1, store.messages(trash.id()).size());
        assertEquals(6, store.mailboxes("alice").size());
    }

    @Test(expected = IllegalStateException.class)
    public void createTwiceFails() {
        accounts.create("alice", "pw".toCharArray());
        accounts.create("alice", "other".toCharArray());
    }

    @Test
    public void loginResults() {
        accounts.create("alice", "secret".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "secret"));
        assertEquals(AuthResult.failure(), login("alice", "wrong"));
        assertEquals(AuthResult.failure(), login("alice", ""));
        assertEquals(AuthResult.unknownUser(), login("bob", "secret"));
        assertEquals(AuthResult.unknownUser(), login("Not A Name", "secret"));
    }

    @Test
    public void cacheAnswersTheSamePasswordOnly() {
        accounts.create("alice", "secret".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "secret"));
        assertTrue(cache.isVerified("alice", storedHash("alice"), "secret".toCharArray()));

        assertEquals(AuthResult.success("alice"), login("alice", "secret"));
        assertEquals(AuthResult.failure(), login("alice", "secreT"));
        // a failure is not remembered as anything
        assertEquals(1, cache.size());
    }

    @Test
    public void loginIsAnsweredFromTheCache() {
        accounts.create("alice", "secret".toCharArray());
        // an entry only the cache can vouch for: bcrypt would refuse this password
        cache.remember("alice", storedHash("alice"), "cached-only".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "cached-only"));
    }

    @Test
    public void changePasswordEndsTheOldOneAtOnce() {
        accounts.create("alice", "old".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "old"));

        assertTrue(accounts.changePassword("alice", "new".toCharArray()));
        assertEquals(0, cache.size());
        assertEquals(AuthResult.failure(), login("alice", "old"));
        assertEquals(AuthResult.success("alice"), login("alice", "new"));
        assertFalse(accounts.changePassword("bob", "new".toCharArray()));
    }

    @Test
    public void aHashChangedBehindOurBackInvalidatesTheCache() {
        accounts.create("alice", "old".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "old"));
        store.setPasswordHash("alice", new BcryptHasher(4, random).hash("new".toCharArray()));
        assertEquals(AuthResult.failure(), login("alice", "old"));
    }

    @Test
    public void deleteRemovesAccountMailAndCacheEntry() {
        accounts.create("alice", "secret".toCharArray());
        assertEquals(AuthResult.success("alice"), login("alice", "secret"));

        assertTrue(accounts.delete("alice"));
        assertEquals(AuthResult.unknownUser(), login("alice", "secret"));
        assertTrue(store.mailboxes("alice").isEmpty());
        assertEquals(0, cache.size());
        assertFalse(accounts.delete("alice"));

        accounts.create("alice", "fresh".toCharArray());
        assertEquals(AuthResult.failure(), login("alice", "secret"));
    }

    @Test
    public void deleteLeavesMailOfUsersItDoesNotOwn() {
        store.createMailbox("ldapuser", MailboxInfo.INBOX);
        assertFalse(accounts.delete("ldapuser"));
        assertTrue(store.mailbox("ldapuser", MailboxInfo.INBOX).isPresent());
    }

    @Test
    public void namesAreValidated() {
        for (String good : List.of("a", "bob", "b.o_b-1", "9lives", "x".repeat(64))) {
            accounts.create(good, "pw".toCharArray());
        }
        for (String bad : List.of("", "Alice", ".bob", "-bob", "bob smith", "bob@localhost", "x".repeat(65),
                "bøb")) {
            try {
                accounts.create(bad, "pw".toCharArray());
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("a-z, 0-9"));
            }
        }
    }

    @Test
    public void passwordsAreValidated() {
        for (String bad : List.of("", "   ", "x".repeat(1025))) {
            try {
                accounts.create("alice", bad.toCharArray());
                fail("accepted a password of " + bad.length() + " chars");
            } catch (IllegalArgumentException expected) {
                assertFalse(accounts.exists("alice"));
            }
        }
        accounts.create("alice", "x".repeat(1024).toCharArray());
    }

    @Test(expected = IllegalArgumentException.class)
    public void changePasswordRejectsBlank() {
        accounts.create("alice", "pw".toCharArray());
        accounts.changePassword("alice", " ".toCharArray());
    }

    @Test
    public void longPasswordsAreDistinguishedByTheirTail() {
        String a = "p".repeat(99) + "a";
        String b = "p".repeat(99) + "b";
        accounts.create("alice", a.toCharArray());
        assertEquals(AuthResult.failure(), login("alice", b));
        assertEquals(AuthResult.success("alice"), login("alice", a));
        // and again with the cache warm
        assertEquals(AuthResult.failure(), login("alice", b));
    }

    @Test
    public void aCorruptStoredHashRefusesTheLogin() {
        store.createUser("mallory", "{PLAIN}secret");
        assertEquals(AuthResult.failure(), login("mallory", "secret"));
    }
}
