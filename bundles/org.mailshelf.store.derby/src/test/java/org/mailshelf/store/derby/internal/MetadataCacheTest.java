package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore.FlagUpdate;
import org.mailshelf.api.store.MailboxCounts;
import org.mailshelf.api.store.MailboxNotFoundException;

/**
 * The metadata cache against the database: whatever a cached store answers after concurrent changes, a store
 * without the cache opened afterwards on the same directory answers too.
 */
public class MetadataCacheTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] message(int n) {
        return ("Subject: message " + n + "\r\nFrom: a@example.org\r\n\r\nbody " + n + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** What a store answers about some mailboxes (mailbox id to listing, counts, changedSince(0)). */
    private static Map<Long, List<Object>> look(DerbyMailStore store, List<Long> boxes) {
        Map<Long, List<Object>> result = new HashMap<>();
        for (long box : boxes) {
            result.put(box, List.of(new ArrayList<>(store.messages(box)), store.counts(box),
                    new ArrayList<>(store.changedSince(box, 0)), new ArrayList<>(store.changedSince(box, 5))));
        }
        return result;
    }

    private static void assertSelfConsistent(DerbyMailStore store, long box) {
        MailboxCounts counts = store.counts(box);
        List<MessageMeta> all = store.messages(box);
        assertEquals(counts.messages(), all.size());
        assertEquals(counts.unseen(), all.stream().filter(m -> !m.flags().has(Flags.SEEN)).count());
        assertEquals(counts.size(), all.stream().mapToLong(MessageMeta::size).sum());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).uid() < all.get(i).uid());
        }
        if (!all.isEmpty()) {
            assertTrue(counts.uidNext() > all.get(all.size() - 1).uid());
        }
    }

    private static void randomChange(DerbyMailStore store, Random random, List<Long> boxes, int n) {
        long box = boxes.get(random.nextInt(boxes.size()));
        List<MessageMeta> present = store.messages(box);
        List<Long> some = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3) && !present.isEmpty(); i++) {
            some.add(present.get(random.nextInt(present.size())).uid());
        }
        some.add(10_000L + random.nextInt(100)); // absent UIDs are ignored
        switch (random.nextInt(8)) {
            case 0, 1, 2 -> store.append(box, message(n), random.nextBoolean() ? Flags.NONE : Flags.of(Flags.SEEN),
                    Instant.now());
            case 3, 4 -> store.updateFlags(box, some,
                    random.nextBoolean() ? FlagUpdate.ADD : FlagUpdate.REMOVE,
                    random.nextBoolean() ? Flags.of(Flags.SEEN) : Flags.of(Flags.FLAGGED, List.of("$Label" + n % 3)));
            case 5 -> store.expunge(box, some);
            case 6 -> store.move(box, some, boxes.get(random.nextInt(boxes.size()))); // sometimes to itself
            default -> store.copy(box, some, boxes.get(random.nextInt(boxes.size())));
        }
    }

    @Test
    public void concurrentChangesLeaveWhatTheDatabaseHolds() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        List<Long> boxes = new ArrayList<>();
        Map<Long, List<Object>> cached;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            boxes.add(store.createMailbox("alice", MailboxInfo.INBOX).id());
            boxes.add(store.createMailbox("alice", "Archive").id());
            boxes.add(store.createMailbox("alice", "Sent").id());
            for (int i = 0; i < 60; i++) {
                store.append(boxes.get(i % 3), message(i), i % 2 == 0 ? Flags.NONE : Flags.of(Flags.SEEN),
                        Instant.now());
            }
            // two boxes cached from the start, the third loaded by the first read during the changes
            store.messages(boxes.get(0));
            store.counts(boxes.get(1));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < 150; i++) {
                        randomChange(store, random, boxes, thread * 1000 + i);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    while (!done.get()) {
                        for (long box : boxes) { // counts and messages are two looks: checked apart
                            List<MessageMeta> all = store.messages(box);
                            for (int i = 1; i < all.size(); i++) {
                                assertTrue(all.get(i - 1).uid() < all.get(i).uid());
                            }
                            MailboxCounts counts = store.counts(box);
                            assertTrue(counts.unseen() <= counts.messages());
                            store.changedSince(box, counts.highestModSeq() - 3);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            done.set(true);
            for (Future<?> f : readers) {
                f.get();
            }
            pool.shutdown();
            for (long box : boxes) {
                assertTrue(store.cache().contains(box));
            }
            cached = look(store, boxes);
        }
        try (DerbyMailStore uncached = new DerbyMailStore(dir, 2, 0)) {
            assertEquals(cached, look(uncached, boxes));
        }
    }

    @Test
    public void evictsUnderATinyBudgetAndStillAnswersRight() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        List<Long> boxes = new ArrayList<>();
        Map<Long, List<Object>> cached;
        try (DerbyMailStore store = new DerbyMailStore(dir, 4, 50)) {
            for (int b = 0; b < 5; b++) {
                boxes.add(store.createMailbox("alice", b == 0 ? MailboxInfo.INBOX : "Box" + b).id());
            }
            for (int i = 0; i < 100; i++) {
                store.append(boxes.get(i % 5), message(i), Flags.NONE, Instant.now());
            }
            long big = store.createMailbox("alice", "Big").id();
            for (int i = 0; i < 60; i++) {
                store.append(big, message(i), Flags.NONE, Instant.now());
            }
            Random random = new Random(7);
            for (int i = 0; i < 300; i++) {
                randomChange(store, random, boxes, i);
                assertSelfConsistent(store, boxes.get(random.nextInt(boxes.size())));
                assertTrue(store.cache().total() <= 50);
            }
            assertEquals(60, store.messages(big).size());
            assertFalse(store.cache().contains(big)); // larger than the whole budget: never cached
            assertSelfConsistent(store, big);
            boxes.add(big);
            cached = look(store, boxes);
        }
        try (DerbyMailStore uncached = new DerbyMailStore(dir, 2, 0)) {
            assertEquals(cached, look(uncached, boxes));
        }
    }

    @Test
    public void listingsAreImmutableSnapshots() {
        Path dir = tmp.getRoot().toPath().resolve("db");
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
            store.append(box, message(1), Flags.NONE, Instant.now());
            List<MessageMeta> before = store.messages(box);
            MessageMeta second = store.append(box, message(2), Flags.NONE, Instant.now());
            List<MessageMeta> after = store.messages(box);
            assertEquals(1, before.size());
            assertEquals(2, after.size());
            assertEquals(second, after.get(1));
            store.updateFlags(box, List.of(1L), FlagUpdate.ADD, Flags.of(Flags.SEEN));
            assertEquals(Flags.NONE, before.get(0).flags());
            assertEquals(Flags.of(Flags.SEEN), store.messages(box).get(0).flags());
            try {
                after.add(second);
                fail("a cached listing must not be changeable");
            } catch (UnsupportedOperationException expected) {
                // the snapshot is shared by every reader
            }
            try {
                before.get(1);
                fail("an older snapshot ends where it ended");
            } catch (IndexOutOfBoundsException expected) {
                // the next slot of the shared array belongs to a later snapshot
            }
        }
    }

    @Test
    public void renamedInboxAndDeletedMailboxesAreNotServedFromTheCache() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        long inbox;
        long old;
        long other;
        Map<Long, List<Object>> cached;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            inbox = store.createMailbox("alice", MailboxInfo.INBOX).id();
            other = store.createMailbox("alice", "Other").id();
            for (int i = 0; i < 5; i++) {
                store.append(inbox, message(i), Flags.NONE, Instant.now());
                store.append(other, message(i), Flags.NONE, Instant.now());
            }
            assertEquals(5, store.counts(inbox).messages());
            assertEquals(5, store.messages(other).size());
            store.renameMailbox("alice", MailboxInfo.INBOX, "Old");
            old = store.mailbox("alice", "Old").orElseThrow().id();
            assertEquals(0, store.messages(inbox).size());
            assertEquals(0, store.counts(inbox).messages());
            assertEquals(5, store.messages(old).size());
            store.append(inbox, message(9), Flags.NONE, Instant.now());
            store.deleteMailbox("alice", "Other");
            try {
                store.messages(other);
                fail("deleted");
            } catch (MailboxNotFoundException expected) {
                assertFalse(store.cache().contains(other));
            }
            try {
                store.counts(other);
                fail("deleted");
            } catch (MailboxNotFoundException expected) {
                // and nothing was cached for it
            }
            assertFalse(store.cache().contains(other));
            cached = look(store, List.of(inbox, old));
            store.deleteAllMailboxes("alice");
            assertFalse(store.cache().contains(inbox));
            assertFalse(store.cache().contains(old));
        }
        assertEquals(1, ((List<?>) cached.get(inbox).get(0)).size());
        assertEquals(5, ((List<?>) cached.get(old).get(0)).size());
    }
}
