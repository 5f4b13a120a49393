package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore.FlagUpdate;
import org.mailshelf.api.store.MailboxCounts;

/**
 * Timings of the IMAP hot paths on a 100,000-message mailbox. Filling it takes a while, so it runs only with
 * {@code -Dmailshelf.perf=true}.
 */
public class LargeMailboxTest {

    private static final int COUNT = 100_000;
    private static final int SIZE = 2_000;
    /** Appends timed on each of the cached and the uncached store. */
    private static final int APPENDS = 200;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void countsAndChangedSinceOnAHundredThousandMessages() throws Exception {
        assumeTrue(Boolean.getBoolean("mailshelf.perf"));
        Path dir = tmp.newFolder().toPath().resolve("db");
        long box;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        }
        long fill = System.nanoTime();
        DerbyDatabase db = DerbyDatabase.open(dir);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement meta = c.prepareStatement("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, NULL)");
            PreparedStatement body = c.prepareStatement("INSERT INTO message_content VALUES (?, ?, ?)");
            byte[] content = new byte[SIZE];
            for (int uid = 1; uid <= COUNT; uid++) {
                meta.setLong(1, box);
                meta.setLong(2, uid);
                meta.setLong(3, uid + 1);
                meta.setLong(4, SIZE);
                meta.setLong(5, 1_700_000_000_000L + uid);
                meta.setInt(6, uid % 4 == 0 ? 0 : Flags.SEEN);
                meta.addBatch();
                body.setLong(1, box);
                body.setLong(2, uid);
                body.setBytes(3, content);
                body.addBatch();
                if (uid % 5_000 == 0) {
                    meta.executeBatch();
                    body.executeBatch();
                }
            }
            c.createStatement().executeUpdate("UPDATE mailboxes SET uid_next = " + (COUNT + 1)
                    + ", highest_modseq = " + (COUNT + 1) + " WHERE id = " + box);
            c.commit();
        } finally {
            db.close();
        }
        System.out.printf("filled %d messages in %d ms%n", COUNT, (System.nanoTime() - fill) / 1_000_000);

        try (DerbyMailStore store = new DerbyMailStore(dir)) { // metadata cache on (the default)
            long c0 = System.nanoTime();
            MailboxCounts first = store.counts(box); // loads the cache: a SELECT's first look after a start
            long c1 = System.nanoTime();
            List<MessageMeta> listed = store.messages(box);
            long c2 = System.nanoTime();
            store.counts(box);
            long c3 = System.nanoTime();
            assertEquals(COUNT, first.messages());
            assertEquals(COUNT, listed.size());
            System.out.printf("cached store, first calls after the start: counts %.1f ms (loads the cache),"
                    + " messages %.3f ms, counts %.3f ms%n", (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6);
        }
        try (DerbyMailStore store = new DerbyMailStore(dir, DerbyMailStore.DEFAULT_CONNECTIONS, 0)) {
            long c0 = System.nanoTime();
            store.messages(box);
            long c1 = System.nanoTime();
            store.counts(box);
            long c2 = System.nanoTime();
            store.messages(box);
            long c3 = System.nanoTime();
            store.counts(box);
            long c4 = System.nanoTime();
            System.out.printf("uncached store: first messages %.1f ms, counts %.1f ms; second messages %.1f ms,"
                    + " counts %.1f ms%n", (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6, (c4 - c3) / 1e6);
            appendLatency("uncached", store, box);
        }
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            long c0 = System.nanoTime();
            store.messages(box); // cold: loads the cache
            long c1 = System.nanoTime();
            System.out.printf("cached store: first messages %.1f ms (loads the cache)%n", (c1 - c0) / 1e6);
            appendLatency("cached", store, box);
            snapshotPatchCosts(store, box);
        }
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            store.messages(box); // warm up the page cache and statement plans, as a running server is
            for (int round = 0; round < 8; round++) {
                long t0 = System.nanoTime();
                MailboxCounts counts = store.counts(box);
                long t1 = System.nanoTime();
                List<MessageMeta> none = store.changedSince(box, counts.highestModSeq());
                long t2 = System.nanoTime();
                List<MessageMeta> tail = store.changedSince(box, counts.highestModSeq() - 100);
                long t3 = System.nanoTime();
                List<MessageMeta> all = store.messages(box);
                long t4 = System.nanoTime();
                assertEquals(COUNT + 2 * APPENDS, counts.messages());
                assertEquals(0, none.size());
                assertEquals(100, tail.size());
                assertEquals(COUNT + 2 * APPENDS, all.size());
                System.out.printf("100k: counts %.1f ms, changedSince(none) %.1f ms, changedSince(100) %.1f ms,"
                        + " messages %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
            }
            List<Long> some = new ArrayList<>();
            for (long uid = 1; uid <= 1_000; uid++) {
                some.add(uid);
            }
            long t0 = System.nanoTime();
            store.updateFlags(box, some, FlagUpdate.ADD, Flags.of(Flags.FLAGGED));
            long t1 = System.nanoTime();
            List<Long> expunged = store.expunge(box, some.subList(0, 500));
            long t2 = System.nanoTime();
            long moveTarget = store.createMailbox("alice", "Archive").id();
            long t3 = System.nanoTime();
            store.move(box, some.subList(500, 1_000), moveTarget);
            long t4 = System.nanoTime();
            List<Long> vanished = store.expungedSince(box, COUNT);
            long t5 = System.nanoTime();
            assertEquals(500, expunged.size());
            assertEquals(1_000, vanished.size());
            System.out.printf("flag 1000: %.1f ms, expunge 500: %.1f ms, move 500: %.1f ms, expungedSince(1000):"
                    + " %.1f ms, counts after: %s%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6,
                    (t5 - t4) / 1e6, store.counts(box));
        }
    }

    private static void appendLatency(String label, DerbyMailStore store, long box) {
        byte[] content = "Subject: perf\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) { // warm-up, included in APPENDS
            store.append(box, content, Flags.NONE, java.time.Instant.now());
        }
        long t0 = System.nanoTime();
        for (int i = 20; i < APPENDS; i++) {
            store.append(box, content, Flags.NONE, java.time.Instant.now());
        }
        long t1 = System.nanoTime();
        System.out.printf("%s store: append to the 100k mailbox %.3f ms each (mean of %d)%n", label,
                (t1 - t0) / 1e6 / (APPENDS - 20), APPENDS - 20);
    }

    /** The cache's own work per change on a 100k snapshot, without the database. */
    private static void snapshotPatchCosts(DerbyMailStore store, long box) {
        List<MessageMeta> all = store.messages(box);
        MailboxCounts counts = store.counts(box);
        MetadataCache.Snapshot s = MetadataCache.Snapshot.of(all,
                new long[] {counts.uidValidity(), counts.uidNext(), counts.highestModSeq()});
        long uid = counts.uidNext();
        long modSeq = counts.highestModSeq();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                MessageMeta m = new MessageMeta(uid++, ++modSeq, 100, java.time.Instant.EPOCH, Flags.NONE);
                s = s.append(List.of(m), uid, modSeq);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                MessageMeta m = s.messages().get(i * 7);
                s = s.replace(List.of(m.withFlags(Flags.of(Flags.SEEN), ++modSeq)), modSeq);
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                s = s.remove(List.of(s.messages().get(i * 11).uid()), ++modSeq);
            }
            long t3 = System.nanoTime();
            System.out.printf("cache patch on %d messages: append %.2f us, one flag change %.1f us,"
                    + " one expunge %.1f us%n", s.size, (t1 - t0) / 1e3 / 1_000, (t2 - t1) / 1e3 / 100,
                    (t3 - t2) / 1e3 / 100);
        }
    }
}
