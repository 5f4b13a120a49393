package org.mailshelf.api.store;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore.FlagUpdate;

/**
 * The behaviour every {@link MailStore} and {@link CredentialStore} must have. A store module proves itself by
 * extending this class. Stores that survive a restart override {@link #reopen()}, which turns on the
 * durability tests.
 */
public abstract class MailStoreContract {

    protected MailStore store;
    protected CredentialStore credentials;

    /** A new, empty store. It must implement both {@link MailStore} and {@link CredentialStore}. */
    protected abstract MailStore open() throws Exception;

    /** Closes the store and opens it again on the same data; null when the store is not durable. */
    protected MailStore reopen() throws Exception {
        return null;
    }

    protected void close() throws Exception {
    }

    @Before
    public void openStore() throws Exception {
        use(open());
    }

    @After
    public void closeStore() throws Exception {
        close();
    }

    private void use(MailStore s) {
        store = s;
        credentials = (CredentialStore) s;
    }

    private boolean reopened() throws Exception {
        MailStore again = reopen();
        if (again == null) {
            return false;
        }
        use(again);
        return true;
    }

    private static byte[] msg(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private long inbox(String user) {
        return store.createMailbox(user, MailboxInfo.INBOX).id();
    }

    @Test
    public void createsListsAndDeletesMailboxesPerUser() {
        store.createMailbox("alice", "INBOX");
        store.createMailbox("alice", "Work/Projects");
        store.createMailbox("bob", "INBOX");
        List<String> names = store.mailboxes("alice").stream().map(MailboxInfo::name).sorted().toList();
        assertEquals(List.of("INBOX", "Work/Projects"), names);
        assertEquals("alice", store.mailbox("alice", "Work/Projects").orElseThrow().user());
        store.deleteMailbox("alice", "Work/Projects");
        assertTrue(store.mailbox("alice", "Work/Projects").isEmpty());
        assertEquals(1, store.mailboxes("bob").size());
        assertTrue(store.mailboxes("nobody").isEmpty());
    }

    @Test(expected = MailboxExistsException.class)
    public void refusesDuplicateMailbox() {
        store.createMailbox("alice", "INBOX");
        store.createMailbox("alice", "INBOX");
    }

    @Test(expected = MailboxNotFoundException.class)
    public void deletingMissingMailboxFails() {
        store.deleteMailbox("alice", "Nope");
    }

    @Test(expected = MailboxNotFoundException.class)
    public void appendToMissingMailboxFails() {
        store.append(987654321L, msg("x"), Flags.NONE, Instant.now());
    }

    @Test
    public void storesContentByteExactWithMetadata() {
        long box = inbox("alice");
        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i; // every byte value, NULs and 8-bit included
        }
        Instant date = Instant.parse("2024-02-29T12:34:56Z");
        MessageMeta meta = store.append(box, content, Flags.of(Flags.SEEN, List.of("$Work")), date);
        assertArrayEquals(content, store.content(box, meta.uid()));
        MessageMeta listed = store.messages(box).get(0);
        assertEquals(meta, listed);
        assertEquals(content.length, listed.size());
        assertEquals(date, listed.internalDate().truncatedTo(ChronoUnit.SECONDS));
        assertEquals(Flags.of(Flags.SEEN, List.of("$Work")), listed.flags());
    }

    @Test
    public void uidsStrictlyIncreaseAndAreNeverReused() {
        long box = inbox("alice");
        long a = store.append(box, msg("a"), Flags.NONE, Instant.now()).uid();
        long b = store.append(box, msg("b"), Flags.NONE, Instant.now()).uid();
        assertTrue(b > a);
        store.expunge(box, List.of(b));
        long c = store.append(box, msg("c"), Flags.NONE, Instant.now()).uid();
        assertTrue(c > b);
        assertTrue(store.mailbox("alice", "INBOX").orElseThrow().uidNext() > c);
        assertEquals(List.of(a, c), store.messages(box).stream().map(MessageMeta::uid).toList());
    }

    @Test
    public void uidValidityDiffersForARecreatedMailbox() {
        MailboxInfo first = store.createMailbox("alice", "Box");
        store.deleteMailbox("alice", "Box");
        MailboxInfo second = store.createMailbox("alice", "Box");
        assertNotEquals(first.uidValidity(), second.uidValidity());
        assertTrue(first.uidValidity() > 0 && second.uidValidity() > 0);
    }

    @Test
    public void flagUpdatesChangeOnlyWhatDiffersAndRaiseModSeq() {
        long box = inbox("alice");
        MessageMeta m1 = store.append(box, msg("1"), Flags.NONE, Instant.now());
        MessageMeta m2 = store.append(box, msg("2"), Flags.of(Flags.SEEN), Instant.now());
        List<MessageMeta> changed = store.updateFlags(box, List.of(m1.uid(), m2.uid(), 999L), FlagUpdate.ADD,
                Flags.of(Flags.SEEN));
        assertEquals(1, changed.size());
        assertEquals(m1.uid(), changed.get(0).uid());
        assertTrue(changed.get(0).modSeq() > m2.modSeq());
        changed = store.updateFlags(box, List.of(m1.uid(), m2.uid()), FlagUpdate.REPLACE,
                Flags.of(Flags.FLAGGED, List.of("kw")));
        assertEquals(2, changed.size());
        store.updateFlags(box, List.of(m2.uid()), FlagUpdate.REMOVE, Flags.of(0, List.of("kw")));
        List<MessageMeta> all = store.messages(box);
        assertEquals(Flags.of(Flags.FLAGGED, List.of("kw")), all.get(0).flags());
        assertEquals(Flags.of(Flags.FLAGGED), all.get(1).flags());
        assertEquals(all.get(1).modSeq(), store.mailbox("alice", "INBOX").orElseThrow().highestModSeq());
    }

    @Test
    public void expungeRemovesOnlyExistingAndReportsThem() {
        long box = inbox("alice");
        long a = store.append(box, msg("a"), Flags.NONE, Instant.now()).uid();
        long b = store.append(box, msg("b"), Flags.NONE, Instant.now()).uid();
        assertEquals(List.of(a), store.expunge(box, List.of(a, 12345L)));
        assertEquals(List.of(), store.expunge(box, List.of(a)));
        try {
            store.content(box, a);
            fail("expunged content still readable");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        assertEquals(1, store.messages(box).size());
        assertEquals(b, store.messages(box).get(0).uid());
    }

    @Test
    public void listenersSeeEveryChangeAfterItIsMade() {
        long box = inbox("alice");
        ConcurrentLinkedQueue<MailboxEvent> events = new ConcurrentLinkedQueue<>();
        Subscription sub = store.subscribe(box, e -> {
            if (e instanceof MailboxEvent.Added added) {
                // the change is visible to a reader by the time listeners hear of it
                assertArrayEquals(msg("hi!"), store.content(box, added.messages().get(0).uid()));
            }
            events.add(e);
        });
        MessageMeta m = store.append(box, msg("hi!"), Flags.NONE, Instant.now());
        store.updateFlags(box, List.of(m.uid()), FlagUpdate.ADD, Flags.of(Flags.DELETED));
        store.expunge(box, List.of(m.uid()));
        sub.close();
        store.append(box, msg("unseen"), Flags.NONE, Instant.now());
        List<MailboxEvent> list = new ArrayList<>(events);
        assertEquals(3, list.size());
        assertEquals(m.uid(), ((MailboxEvent.Added) list.get(0)).messages().get(0).uid());
        assertTrue(((MailboxEvent.FlagsChanged) list.get(1)).messages().get(0).flags().has(Flags.DELETED));
        assertEquals(List.of(m.uid()), ((MailboxEvent.Expunged) list.get(2)).uids());
    }

    @Test
    public void deletingAllMailboxesOfAUserLeavesOthers() {
        inbox("alice");
        store.createMailbox("alice", "Sent");
        inbox("bob");
        store.deleteAllMailboxes("alice");
        assertTrue(store.mailboxes("alice").isEmpty());
        assertEquals(1, store.mailboxes("bob").size());
    }

    @Test
    public void concurrentAppendsGetDistinctUids() throws Exception {
        long box = inbox("alice");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> uids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] body = msg("message " + i);
                uids.add(pool.submit(() -> store.append(box, body, Flags.NONE, Instant.now()).uid()));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<Long> f : uids) {
                assertTrue(seen.add(f.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, store.messages(box).size());
    }

    @Test
    public void credentialsLifecycle() {
        assertTrue(credentials.createUser("alice", "hash1"));
        assertFalse(credentials.createUser("alice", "hash2"));
        assertTrue(credentials.createUser("bob", "h"));
        assertEquals(List.of("alice", "bob"), credentials.users());
        assertEquals("hash1", credentials.passwordHash("alice").orElseThrow());
        assertTrue(credentials.setPasswordHash("alice", "hash3"));
        assertFalse(credentials.setPasswordHash("carol", "x"));
        assertEquals("hash3", credentials.passwordHash("alice").orElseThrow());
        assertTrue(credentials.deleteUser("alice"));
        assertFalse(credentials.deleteUser("alice"));
        assertTrue(credentials.passwordHash("alice").isEmpty());
    }

    @Test
    public void everythingSurvivesARestart() throws Exception {
        MailboxInfo before = store.createMailbox("alice", MailboxInfo.INBOX);
        credentials.createUser("alice", "hash");
        MessageMeta kept = store.append(before.id(), msg("kept\r\n"), Flags.of(Flags.SEEN), Instant.now());
        MessageMeta gone = store.append(before.id(), msg("gone\r\n"), Flags.NONE, Instant.now());
        store.expunge(before.id(), List.of(gone.uid()));
        if (!reopened()) {
            return; // not a durable store
        }
        MailboxInfo after = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow();
        assertEquals(before.uidValidity(), after.uidValidity());
        assertEquals(List.of(kept), store.messages(after.id()));
        assertArrayEquals(msg("kept\r\n"), store.content(after.id(), kept.uid()));
        assertEquals("hash", credentials.passwordHash("alice").orElseThrow());
        long next = store.append(after.id(), msg("new"), Flags.NONE, Instant.now()).uid();
        assertTrue("UIDs must not be reused after a restart", next > gone.uid());
    }
}
