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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
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
import org.mailshelf.mime.MessageAnalyzer;
import org.mailshelf.mime.MessageStructure;

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

    // ---- store SPI 1.1: IMAP (rename, subscriptions, copy/move, counts, CONDSTORE/QRESYNC, \Recent) ----

    private List<String> names(String user) {
        return store.mailboxes(user).stream().map(MailboxInfo::name).sorted().toList();
    }

    private static List<Long> uids(List<MessageMeta> metas) {
        return metas.stream().map(MessageMeta::uid).toList();
    }

    @Test
    public void renameMovesChildrenAndKeepsUidsAndIdentity() {
        MailboxInfo a = store.createMailbox("alice", "A");
        MailboxInfo ax = store.createMailbox("alice", "A/x");
        MailboxInfo axy = store.createMailbox("alice", "A/x/y");
        store.createMailbox("alice", "AB"); // a prefix, not a child
        store.createMailbox("bob", "A");
        MessageMeta m = store.append(ax.id(), msg("hello"), Flags.of(Flags.SEEN), Instant.now());
        store.renameMailbox("alice", "A", "B/C");
        assertEquals(List.of("AB", "B/C", "B/C/x", "B/C/x/y"), names("alice"));
        assertEquals(List.of("A"), names("bob"));
        MailboxInfo renamed = store.mailbox("alice", "B/C/x").orElseThrow();
        assertEquals(ax.id(), renamed.id());
        assertEquals(ax.uidValidity(), renamed.uidValidity());
        assertEquals(List.of(m), store.messages(renamed.id()));
        assertArrayEquals(msg("hello"), store.content(renamed.id(), m.uid()));
        assertEquals(a.uidValidity(), store.mailbox("alice", "B/C").orElseThrow().uidValidity());
        assertEquals(axy.id(), store.mailbox("alice", "B/C/x/y").orElseThrow().id());
        // a renamed mailbox takes new mail under its old id
        assertTrue(store.append(ax.id(), msg("more"), Flags.NONE, Instant.now()).uid() > m.uid());
    }

    @Test
    public void renameRefusesCollisionsAndChangesNothing() {
        store.createMailbox("alice", "A");
        store.createMailbox("alice", "A/x");
        store.createMailbox("alice", "B/x"); // B itself does not exist, a child of it does
        store.createMailbox("alice", "C");
        try {
            store.renameMailbox("alice", "A", "C");
            fail("renamed onto an existing mailbox");
        } catch (MailboxExistsException expected) {
            // the contract
        }
        try {
            store.renameMailbox("alice", "A", "B");
            fail("renamed a child onto an existing mailbox");
        } catch (MailboxExistsException expected) {
            // the contract
        }
        try {
            store.renameMailbox("alice", "Nope", "D");
            fail("renamed a missing mailbox");
        } catch (MailboxNotFoundException expected) {
            // the contract
        }
        try {
            store.renameMailbox("alice", "A", "A/sub");
            fail("renamed a mailbox below itself");
        } catch (StoreException expected) {
            // the contract
        }
        assertEquals(List.of("A", "A/x", "B/x", "C"), names("alice"));
    }

    @Test
    public void renamingInboxMovesItsMessagesToANewMailbox() {
        MailboxInfo inbox = store.createMailbox("alice", MailboxInfo.INBOX);
        MailboxInfo child = store.createMailbox("alice", "INBOX/Sub");
        Instant date = Instant.parse("2023-05-06T07:08:09Z");
        MessageMeta a = store.append(inbox.id(), msg("a"), Flags.of(Flags.SEEN), date);
        MessageMeta b = store.append(inbox.id(), msg("b"), Flags.of(0, List.of("$x")), date);
        List<MailboxEvent> heard = new ArrayList<>();
        store.subscribe(inbox.id(), heard::add);
        store.renameMailbox("alice", MailboxInfo.INBOX, "Old");
        assertEquals(List.of("INBOX", "INBOX/Sub", "Old"), names("alice"));
        MailboxInfo inboxAfter = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow();
        assertEquals(inbox.id(), inboxAfter.id());
        assertEquals(inbox.uidValidity(), inboxAfter.uidValidity());
        assertTrue(store.messages(inbox.id()).isEmpty());
        assertEquals(child.id(), store.mailbox("alice", "INBOX/Sub").orElseThrow().id());
        MailboxInfo old = store.mailbox("alice", "Old").orElseThrow();
        assertNotEquals(inbox.uidValidity(), old.uidValidity());
        List<MessageMeta> moved = store.messages(old.id());
        assertEquals(2, moved.size());
        assertArrayEquals(msg("a"), store.content(old.id(), moved.get(0).uid()));
        assertArrayEquals(msg("b"), store.content(old.id(), moved.get(1).uid()));
        assertEquals(a.flags(), moved.get(0).flags());
        assertEquals(b.flags(), moved.get(1).flags());
        assertEquals(date, moved.get(0).internalDate().truncatedTo(ChronoUnit.SECONDS));
        assertEquals(List.of(new MailboxEvent.Expunged(inbox.id(), List.of(a.uid(), b.uid()),
                ((MailboxEvent.Expunged) heard.get(0)).modSeq())), heard);
        assertEquals(List.of(a.uid(), b.uid()), store.expungedSince(inbox.id(), 0));
        // INBOX goes on with higher UIDs
        assertTrue(store.append(inbox.id(), msg("c"), Flags.NONE, Instant.now()).uid() > b.uid());
        try {
            store.renameMailbox("alice", MailboxInfo.INBOX, "Old");
            fail("renamed INBOX onto an existing mailbox");
        } catch (MailboxExistsException expected) {
            // the contract
        }
        store.renameMailbox("alice", MailboxInfo.INBOX, "Empty/Again");
        assertTrue(store.mailbox("alice", "Empty/Again").isPresent());
        assertEquals(1, store.messages(store.mailbox("alice", "Empty/Again").orElseThrow().id()).size());
    }

    @Test
    public void subscriptionsLifecycle() {
        assertTrue(store.subscriptions("alice").isEmpty());
        store.subscribe("alice", "Work");
        store.subscribe("alice", "Work");
        store.subscribe("alice", "Does/Not/Exist");
        store.subscribe("bob", "Other");
        assertEquals(Set.of("Work", "Does/Not/Exist"), store.subscriptions("alice"));
        store.unsubscribe("alice", "Work");
        store.unsubscribe("alice", "Never");
        assertEquals(Set.of("Does/Not/Exist"), store.subscriptions("alice"));
        // a subscription outlives its mailbox (RFC 3501 LSUB) ...
        store.createMailbox("alice", "Kept");
        store.subscribe("alice", "Kept");
        store.deleteMailbox("alice", "Kept");
        assertTrue(store.subscriptions("alice").contains("Kept"));
        // ... but not its user
        store.deleteAllMailboxes("alice");
        assertTrue(store.subscriptions("alice").isEmpty());
        assertEquals(Set.of("Other"), store.subscriptions("bob"));
    }

    @Test
    public void copyKeepsContentFlagsAndDatesUnderNewIncreasingUids() {
        long src = inbox("alice");
        long dst = store.createMailbox("alice", "Archive").id();
        long existing = store.append(dst, msg("already"), Flags.NONE, Instant.now()).uid();
        Instant date = Instant.parse("2022-01-02T03:04:05Z");
        List<MessageMeta> originals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            originals.add(store.append(src, msg("message " + i + "\r\n\0\u00ff"),
                    i % 2 == 0 ? Flags.of(Flags.FLAGGED, List.of("$k" + i)) : Flags.NONE, date.plusSeconds(i)));
        }
        List<MailboxEvent> heard = new ArrayList<>();
        store.subscribe(dst, heard::add);
        List<MailboxEvent> heardAtSource = new ArrayList<>();
        store.subscribe(src, heardAtSource::add);
        long uid4 = originals.get(4).uid();
        long uid0 = originals.get(0).uid();
        long uid2 = originals.get(2).uid();
        List<CopiedMessage> copied = store.copy(src, List.of(uid4, 9999L, uid0, uid2), dst);
        assertEquals(List.of(uid0, uid2, uid4), copied.stream().map(CopiedMessage::sourceUid).toList());
        long previous = existing;
        for (CopiedMessage c : copied) {
            MessageMeta original = originals.stream().filter(m -> m.uid() == c.sourceUid()).findFirst().orElseThrow();
            assertTrue(c.copy().uid() > previous);
            previous = c.copy().uid();
            assertEquals(original.flags(), c.copy().flags());
            assertEquals(original.size(), c.copy().size());
            assertEquals(original.internalDate(), c.copy().internalDate());
            assertArrayEquals(store.content(src, original.uid()), store.content(dst, c.copy().uid()));
        }
        List<MessageMeta> target = store.messages(dst);
        assertEquals(4, target.size());
        assertEquals(copied.stream().map(CopiedMessage::copy).toList(), target.subList(1, 4));
        assertEquals(5, store.messages(src).size());
        assertEquals(List.of(new MailboxEvent.Added(dst, target.subList(1, 4))), heard);
        assertTrue(heardAtSource.isEmpty());
        assertTrue(store.mailbox("alice", "Archive").orElseThrow().uidNext() > previous);
        assertTrue(store.copy(src, List.of(12345L), dst).isEmpty());
        // a copy into the same mailbox is a new message
        List<CopiedMessage> again = store.copy(src, List.of(uid0), src);
        assertTrue(again.get(0).copy().uid() > uid4);
        assertEquals(6, store.messages(src).size());
    }

    @Test
    public void moveTransfersAtomicallyAndLeavesTombstones() {
        long src = inbox("alice");
        long dst = store.createMailbox("alice", "Archive").id();
        List<Long> originals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            originals.add(store.append(src, msg("m" + i), Flags.of(Flags.SEEN), Instant.now()).uid());
        }
        long before = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow().highestModSeq();
        List<MailboxEvent> atSource = new ArrayList<>();
        List<MailboxEvent> atTarget = new ArrayList<>();
        store.subscribe(src, atSource::add);
        store.subscribe(dst, atTarget::add);
        List<CopiedMessage> moved = store.move(src, List.of(originals.get(3), originals.get(1), 777L), dst);
        assertEquals(List.of(originals.get(1), originals.get(3)),
                moved.stream().map(CopiedMessage::sourceUid).toList());
        assertTrue(moved.get(1).copy().uid() > moved.get(0).copy().uid());
        assertArrayEquals(msg("m1"), store.content(dst, moved.get(0).copy().uid()));
        assertArrayEquals(msg("m3"), store.content(dst, moved.get(1).copy().uid()));
        assertEquals(Flags.of(Flags.SEEN), moved.get(0).copy().flags());
        assertEquals(List.of(originals.get(0), originals.get(2)), uids(store.messages(src)));
        assertEquals(moved.stream().map(CopiedMessage::copy).toList(), store.messages(dst));
        try {
            store.content(src, originals.get(1));
            fail("moved message still in the source");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        assertEquals(1, atSource.size());
        MailboxEvent.Expunged expunged = (MailboxEvent.Expunged) atSource.get(0);
        assertEquals(List.of(originals.get(1), originals.get(3)), expunged.uids());
        assertTrue(expunged.modSeq() > before);
        assertEquals(expunged.modSeq(), store.mailbox("alice", MailboxInfo.INBOX).orElseThrow().highestModSeq());
        assertEquals(List.of(new MailboxEvent.Added(dst, store.messages(dst))), atTarget);
        assertEquals(List.of(originals.get(1), originals.get(3)), store.expungedSince(src, before));
        assertEquals(List.of(), store.expungedSince(src, expunged.modSeq()));
        assertEquals(List.of(), store.expungedSince(dst, 0));
    }

    @Test
    public void aMoveOrCopyToAMissingMailboxChangesNothing() {
        long src = inbox("alice");
        long dst = store.createMailbox("alice", "Gone").id();
        long uid = store.append(src, msg("stay"), Flags.NONE, Instant.now()).uid();
        store.deleteMailbox("alice", "Gone");
        MailboxCounts before = store.counts(src);
        List<MailboxEvent> heard = new ArrayList<>();
        store.subscribe(src, heard::add);
        for (boolean move : new boolean[] {true, false}) {
            try {
                if (move) {
                    store.move(src, List.of(uid), dst);
                } else {
                    store.copy(src, List.of(uid), dst);
                }
                fail("transferred to a missing mailbox");
            } catch (MailboxNotFoundException expected) {
                // the contract
            }
        }
        try {
            store.move(dst, List.of(uid), src);
            fail("moved from a missing mailbox");
        } catch (MailboxNotFoundException expected) {
            // the contract
        }
        assertEquals(before, store.counts(src));
        assertEquals(List.of(uid), uids(store.messages(src)));
        assertArrayEquals(msg("stay"), store.content(src, uid));
        assertEquals(List.of(), store.expungedSince(src, 0));
        assertTrue(heard.isEmpty());
    }

    @Test
    public void countsReportMessagesUnseenSizeAndState() {
        MailboxInfo box = store.createMailbox("alice", MailboxInfo.INBOX);
        MailboxCounts empty = store.counts(box.id());
        assertEquals(new MailboxCounts(0, 0, 0, box.uidNext(), box.uidValidity(), box.highestModSeq()), empty);
        store.append(box.id(), msg("12345"), Flags.of(Flags.SEEN), Instant.now());
        MessageMeta b = store.append(box.id(), msg("123"), Flags.of(Flags.FLAGGED | Flags.DELETED), Instant.now());
        store.append(box.id(), msg("1234567"), Flags.of(Flags.SEEN | Flags.ANSWERED, List.of("k")), Instant.now());
        store.append(box.id(), msg("1"), Flags.of(Flags.DRAFT, List.of("k")), Instant.now());
        MailboxCounts counts = store.counts(box.id());
        MailboxInfo info = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow();
        assertEquals(new MailboxCounts(4, 2, 16, info.uidNext(), info.uidValidity(), info.highestModSeq()), counts);
        store.updateFlags(box.id(), List.of(b.uid()), FlagUpdate.ADD, Flags.of(Flags.SEEN));
        store.expunge(box.id(), List.of(b.uid()));
        info = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow();
        assertEquals(new MailboxCounts(3, 1, 13, info.uidNext(), info.uidValidity(), info.highestModSeq()),
                store.counts(box.id()));
    }

    @Test
    public void changedAndExpungedSinceFollowModSeqs() {
        long box = inbox("alice");
        long other = store.createMailbox("alice", "Other").id();
        List<MessageMeta> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(store.append(box, msg("m" + i), Flags.NONE, Instant.now()));
        }
        long base = store.counts(box).highestModSeq();
        assertEquals(List.of(), store.changedSince(box, base));
        assertEquals(uids(all), uids(store.changedSince(box, 0)));
        assertEquals(uids(all.subList(3, 6)), uids(store.changedSince(box, all.get(2).modSeq())));
        store.updateFlags(box, List.of(all.get(4).uid(), all.get(1).uid()), FlagUpdate.ADD, Flags.of(Flags.SEEN));
        List<MessageMeta> changed = store.changedSince(box, base);
        assertEquals(List.of(all.get(1).uid(), all.get(4).uid()), uids(changed));
        assertTrue(changed.stream().allMatch(m -> m.flags().has(Flags.SEEN) && m.modSeq() > base));
        long afterFlags = store.counts(box).highestModSeq();
        store.expunge(box, List.of(all.get(5).uid(), all.get(0).uid()));
        long afterExpunge = store.counts(box).highestModSeq();
        store.move(box, List.of(all.get(2).uid()), other);
        assertEquals(List.of(), store.expungedSince(box, store.counts(box).highestModSeq()));
        assertEquals(List.of(all.get(0).uid(), all.get(2).uid(), all.get(5).uid()), store.expungedSince(box, base));
        assertEquals(List.of(all.get(2).uid()), store.expungedSince(box, afterExpunge));
        assertEquals(List.of(all.get(0).uid(), all.get(5).uid(), all.get(2).uid()).stream().sorted().toList(),
                store.expungedSince(box, afterFlags));
        assertEquals(List.of(all.get(1).uid(), all.get(4).uid()), uids(store.changedSince(box, base)));
        assertEquals(List.of(), store.changedSince(box, store.counts(box).highestModSeq()));
        // the moved copy is a change in its new mailbox
        assertEquals(1, store.changedSince(other, 0).size());
        try {
            store.changedSince(987654321L, 0);
            fail("changes of a missing mailbox");
        } catch (MailboxNotFoundException expected) {
            // the contract
        }
        try {
            store.expungedSince(987654321L, 0);
            fail("tombstones of a missing mailbox");
        } catch (MailboxNotFoundException expected) {
            // the contract
        }
    }

    @Test
    public void tombstonesGoWithTheirMailbox() {
        MailboxInfo first = store.createMailbox("alice", "Box");
        long uid = store.append(first.id(), msg("x"), Flags.NONE, Instant.now()).uid();
        store.expunge(first.id(), List.of(uid));
        store.deleteMailbox("alice", "Box");
        MailboxInfo second = store.createMailbox("alice", "Box");
        assertEquals(List.of(), store.expungedSince(second.id(), 0));
    }

    @Test
    public void claimRecentGivesEachMessageToOneSession() {
        long box = inbox("alice");
        long a1 = store.append(box, msg("1"), Flags.NONE, Instant.now()).uid();
        store.append(box, msg("2"), Flags.NONE, Instant.now());
        long first = store.claimRecent(box);
        assertTrue(first <= a1);
        long second = store.claimRecent(box);
        assertTrue("the second session sees none recent", second > store.messages(box).get(1).uid());
        long a3 = store.append(box, msg("3"), Flags.NONE, Instant.now()).uid();
        long third = store.claimRecent(box);
        assertTrue(third <= a3 && third > a1);
        assertEquals(store.counts(box).uidNext(), store.claimRecent(box));
    }

    @Test
    public void claimRecentRangeNamesExactlyTheClaimedUids() {
        long box = inbox("alice");
        long a1 = store.append(box, msg("1"), Flags.NONE, Instant.now()).uid();
        long a2 = store.append(box, msg("2"), Flags.NONE, Instant.now()).uid();
        RecentClaim first = store.claimRecentRange(box);
        assertTrue(first.contains(a1) && first.contains(a2));
        long a3 = store.append(box, msg("3"), Flags.NONE, Instant.now()).uid();
        assertFalse("a message delivered after the claim is not in it", first.contains(a3));
        RecentClaim second = store.claimRecentRange(box);
        assertTrue(second.contains(a3));
        assertFalse(second.contains(a2));
        assertEquals(store.counts(box).uidNext(), store.claimRecentRange(box).from());
    }

    @Test
    public void recentFloorLooksWithoutClaiming() {
        long box = inbox("alice");
        long a1 = store.append(box, msg("1"), Flags.NONE, Instant.now()).uid();
        long floor = store.recentFloor(box);
        assertTrue(floor <= a1);
        assertEquals("looking twice changes nothing", floor, store.recentFloor(box));
        assertEquals("the next claim still gets the message", floor, store.claimRecent(box));
        assertEquals(store.counts(box).uidNext(), store.recentFloor(box));
    }

    @Test(expected = MailboxNotFoundException.class)
    public void recentFloorOfAMissingMailboxFails() {
        store.recentFloor(987654321L);
    }

    @Test
    public void twoSessionsClaimingAtOnceNeverBothSeeAMessageAsRecent() throws Exception {
        long box = inbox("alice");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                long firstNew = store.append(box, msg("a"), Flags.NONE, Instant.now()).uid();
                store.append(box, msg("b"), Flags.NONE, Instant.now());
                long uidNext = store.counts(box).uidNext();
                CountDownLatch go = new CountDownLatch(1);
                Future<Long> one = pool.submit(() -> {
                    go.await();
                    return store.claimRecent(box);
                });
                Future<Long> two = pool.submit(() -> {
                    go.await();
                    return store.claimRecent(box);
                });
                go.countDown();
                long low = Math.min(one.get(), two.get());
                long high = Math.max(one.get(), two.get());
                assertTrue("one session sees the new messages as recent", low <= firstNew);
                assertEquals("the other sees none", uidNext, high);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void imapStateSurvivesARestart() throws Exception {
        long box = inbox("alice");
        long other = store.createMailbox("alice", "Other").id();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(store.append(box, msg("m" + i), Flags.NONE, Instant.now()).uid());
        }
        store.expunge(box, List.of(all.get(0)));
        store.move(box, List.of(all.get(1)), other);
        store.subscribe("alice", "Other");
        store.subscribe("alice", "Missing");
        store.renameMailbox("alice", "Other", "Renamed");
        long floor = store.claimRecent(box);
        MailboxCounts counts = store.counts(box);
        if (!reopened()) {
            return; // not a durable store
        }
        assertEquals(List.of(all.get(0), all.get(1)), store.expungedSince(box, 0));
        assertEquals(Set.of("Other", "Missing"), store.subscriptions("alice"));
        assertEquals(other, store.mailbox("alice", "Renamed").orElseThrow().id());
        assertEquals(1, store.messages(other).size());
        assertEquals(counts, store.counts(box));
        assertTrue(floor <= all.get(0));
        assertEquals("nothing new is recent after a restart", counts.uidNext(), store.claimRecent(box));
    }

    // ---- store SPI 1.2: the MIME analysis stored with each message ----

    /** A message with something to analyse: encoded words, addresses, a multipart with an attachment. */
    private static byte[] mime(int n) {
        return msg("From: =?UTF-8?Q?J=C3=B6rg?= <joerg@example.org>\r\n"
                + "To: alice@example.com, \"Bob B.\" <bob@example.com>\r\n"
                + "Subject: Report " + n + "\r\n"
                + "Date: Tue, 05 Mar 2024 10:11:12 +0100\r\n"
                + "Message-ID: <" + n + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b" + n + "\"\r\n"
                + "\r\n"
                + "--b" + n + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + "Hello " + n + "\r\n"
                + "--b" + n + "\r\n"
                + "Content-Type: application/octet-stream; name=\"r.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "AAECAwQF\r\n"
                + "--b" + n + "--\r\n");
    }

    /** What every store must return for a message with this content. */
    private static byte[] analysed(byte[] content) {
        return MessageAnalyzer.analyze(content).toBytes();
    }

    private static void assertStructure(byte[] content, byte[] structure) {
        assertArrayEquals(analysed(content), structure);
        // and it is readable in the format of the mime bundle
        MessageStructure read = MessageStructure.fromBytes(structure);
        assertEquals(MessageAnalyzer.analyze(content).subject(), read.subject());
    }

    @Test
    public void appendStoresTheAnalysisOfTheContent() {
        long box = inbox("alice");
        byte[] content = mime(1);
        long uid = store.append(box, content, Flags.NONE, Instant.now()).uid();
        assertStructure(content, store.structure(box, uid));
        assertEquals("Report 1", MessageStructure.fromBytes(store.structure(box, uid)).subject().orElseThrow());
        // anything at all is a message to the analyser: no MIME, binary, empty
        byte[] binary = new byte[3000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        for (byte[] odd : List.of(msg("just text"), binary, new byte[0])) {
            long u = store.append(box, odd, Flags.NONE, Instant.now()).uid();
            assertArrayEquals(analysed(odd), store.structure(box, u));
        }
    }

    @Test
    public void structuresOfManyMessagesSkipMissingUids() {
        long box = inbox("alice");
        long other = store.createMailbox("alice", "Other").id();
        store.append(other, mime(99), Flags.NONE, Instant.now()); // same UID in another mailbox: not returned
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uids.add(store.append(box, mime(i), Flags.NONE, Instant.now()).uid());
        }
        store.expunge(box, List.of(uids.get(1)));
        Map<Long, byte[]> got = store.structures(box, List.of(uids.get(4), 4242L, uids.get(0), uids.get(1),
                uids.get(2)));
        assertEquals(List.of(uids.get(0), uids.get(2), uids.get(4)), new ArrayList<>(got.keySet()));
        assertArrayEquals(analysed(mime(0)), got.get(uids.get(0)));
        assertArrayEquals(analysed(mime(2)), got.get(uids.get(2)));
        assertArrayEquals(analysed(mime(4)), got.get(uids.get(4)));
        assertTrue(store.structures(box, List.of()).isEmpty());
        assertTrue(store.structures(box, List.of(uids.get(1), 777L)).isEmpty());
        // many at once, more than a store may look up one by one
        List<Long> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(store.append(box, mime(100 + i), Flags.NONE, Instant.now()).uid());
        }
        List<Long> everyOther = new ArrayList<>();
        for (int i = 0; i < many.size(); i += 2) {
            everyOther.add(many.get(i));
        }
        Map<Long, byte[]> batch = store.structures(box, everyOther);
        assertEquals(everyOther, new ArrayList<>(batch.keySet()));
        for (int i = 0; i < many.size(); i += 2) {
            assertArrayEquals(analysed(mime(100 + i)), batch.get(many.get(i)));
        }
        try {
            store.structures(987654321L, List.of(1L));
            fail("structures of a missing mailbox");
        } catch (MailboxNotFoundException expected) {
            // the contract
        }
    }

    @Test
    public void contentsOfManyMessagesSkipMissingUids() {
        long box = inbox("alice");
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            uids.add(store.append(box, mime(i), Flags.NONE, Instant.now()).uid());
        }
        store.expunge(box, List.of(uids.get(1), uids.get(30)));
        List<Long> asked = new ArrayList<>(uids.subList(0, 35));
        asked.add(0, 4242L);
        Map<Long, byte[]> got = store.contents(box, asked);
        List<Long> expected = new ArrayList<>(uids.subList(0, 35));
        expected.removeAll(List.of(uids.get(1), uids.get(30)));
        assertEquals(expected, new ArrayList<>(got.keySet()));
        for (int i = 0; i < 35; i++) {
            if (got.containsKey(uids.get(i))) {
                assertArrayEquals(mime(i), got.get(uids.get(i)));
            }
        }
        // a sparse set, and one message
        assertEquals(List.of(uids.get(0), uids.get(39)),
                new ArrayList<>(store.contents(box, List.of(uids.get(39), uids.get(0))).keySet()));
        assertArrayEquals(mime(5), store.contents(box, List.of(uids.get(5))).get(uids.get(5)));
        assertTrue(store.contents(box, List.of()).isEmpty());
    }

    @Test
    public void anExpungedMessageHasNoStructure() {
        long box = inbox("alice");
        long uid = store.append(box, mime(1), Flags.NONE, Instant.now()).uid();
        store.expunge(box, List.of(uid));
        try {
            store.structure(box, uid);
            fail("structure of an expunged message");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        try {
            store.structure(box, 4242L);
            fail("structure of a message that never was");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        assertTrue(store.structures(box, List.of(uid)).isEmpty());
    }

    @Test
    public void copyAndMoveCarryTheStructure() {
        long src = inbox("alice");
        long dst = store.createMailbox("alice", "Archive").id();
        long a = store.append(src, mime(1), Flags.NONE, Instant.now()).uid();
        long b = store.append(src, mime(2), Flags.NONE, Instant.now()).uid();
        long copied = store.copy(src, List.of(a), dst).get(0).copy().uid();
        long moved = store.move(src, List.of(b), dst).get(0).copy().uid();
        long sameBox = store.copy(src, List.of(a), src).get(0).copy().uid();
        assertStructure(mime(1), store.structure(dst, copied));
        assertStructure(mime(2), store.structure(dst, moved));
        assertStructure(mime(1), store.structure(src, sameBox));
        assertStructure(mime(1), store.structure(src, a)); // the original keeps its own
        try {
            store.structure(src, b);
            fail("a moved message's structure is still in the source");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        // the copy's structure is its own: expunging the original leaves it
        store.expunge(src, List.of(a));
        assertStructure(mime(1), store.structure(dst, copied));
        assertEquals(List.of(copied, moved), new ArrayList<>(store.structures(dst, List.of(moved, copied)).keySet()));
    }

    @Test
    public void renamingInboxCarriesTheStructure() {
        long inbox = inbox("alice");
        store.append(inbox, mime(1), Flags.NONE, Instant.now());
        store.append(inbox, mime(2), Flags.NONE, Instant.now());
        store.renameMailbox("alice", MailboxInfo.INBOX, "Old");
        long old = store.mailbox("alice", "Old").orElseThrow().id();
        List<MessageMeta> moved = store.messages(old);
        assertStructure(mime(1), store.structure(old, moved.get(0).uid()));
        assertStructure(mime(2), store.structure(old, moved.get(1).uid()));
        // a plain rename keeps ids and UIDs, and so the structures
        store.renameMailbox("alice", "Old", "Older/Still");
        assertStructure(mime(2), store.structure(old, moved.get(1).uid()));
    }

    @Test
    public void structuresSurviveARestart() throws Exception {
        long box = inbox("alice");
        long other = store.createMailbox("alice", "Other").id();
        long kept = store.append(box, mime(1), Flags.NONE, Instant.now()).uid();
        long moved = store.move(box, List.of(store.append(box, mime(2), Flags.NONE, Instant.now()).uid()), other)
                .get(0).copy().uid();
        if (!reopened()) {
            return; // not a durable store
        }
        assertStructure(mime(1), store.structure(box, kept));
        assertStructure(mime(2), store.structure(other, moved));
    }
}
