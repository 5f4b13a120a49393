package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailStore.FlagUpdate;
import org.mailshelf.api.store.MailStoreContract;
import org.mailshelf.api.store.MailboxEvent;
import org.mailshelf.api.store.MessageNotFoundException;
import org.mailshelf.mime.MessageAnalyzer;

public class DerbyMailStoreTest extends MailStoreContract {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private DerbyMailStore current;

    /** The store under test: with the metadata cache (the default); {@link UncachedDerbyMailStoreTest}: without. */
    protected DerbyMailStore newStore(Path databaseDir) {
        return new DerbyMailStore(databaseDir);
    }

    @Override
    protected MailStore open() throws Exception {
        dir = tmp.newFolder().toPath().resolve("db");
        current = newStore(dir);
        return current;
    }

    @Override
    protected MailStore reopen() {
        current.close();
        current = null;
        current = newStore(dir);
        return current;
    }

    @Override
    protected void close() {
        if (current != null) {
            current.close();
        }
    }

    @Test
    public void keepsFiveMegabytesByteExactAcrossARestart() {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        byte[] content = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(content);
        MessageMeta meta = store.append(box, content, Flags.NONE, Instant.now());
        assertEquals(content.length, meta.size());
        assertArrayEquals(content, store.content(box, meta.uid()));
        reopen();
        assertArrayEquals(content, current.content(box, meta.uid()));
    }

    @Test
    public void listsTwentyThousandMessages() {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        long other = store.createMailbox("bob", MailboxInfo.INBOX).id();
        int count = 20_000;
        byte[] body = "Subject: hi\r\n\r\nhello\r\n".getBytes();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            store.append(i % 10 == 0 ? other : box, body, i % 3 == 0 ? Flags.of(Flags.SEEN) : Flags.NONE,
                    Instant.now());
        }
        long appended = System.nanoTime();
        List<MessageMeta> all = store.messages(box);
        long listed = System.nanoTime();
        List<MessageMeta> again = store.messages(box);
        long listedAgain = System.nanoTime();
        assertEquals(count - count / 10, all.size());
        assertEquals(all, again);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).uid() > all.get(i - 1).uid());
        }
        List<Long> firstHalf = new ArrayList<>();
        for (int i = 0; i < all.size() / 2; i++) {
            firstHalf.add(all.get(i).uid());
        }
        long flagStart = System.nanoTime();
        List<MessageMeta> flagged = store.updateFlags(box, firstHalf, FlagUpdate.ADD, Flags.of(Flags.FLAGGED));
        long flagEnd = System.nanoTime();
        assertEquals(firstHalf.size(), flagged.size());
        System.out.printf("%d appends: %.0f/s; messages() on %d: %d ms, again %d ms; flag %d: %d ms%n", count,
                count / ((appended - start) / 1e9), all.size(), (listed - appended) / 1_000_000,
                (listedAgain - listed) / 1_000_000, flagged.size(), (flagEnd - flagStart) / 1_000_000);
    }

    @Test
    public void largeUidSetsAreMatchedExactly() {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        List<Long> even = new ArrayList<>();
        List<Long> odd = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long uid = store.append(box, new byte[] {(byte) i}, Flags.NONE, Instant.now()).uid();
            (uid % 2 == 0 ? even : odd).add(uid);
        }
        // more UIDs than are looked up one by one, with gaps and UIDs that never existed
        List<Long> wanted = new ArrayList<>(even);
        wanted.add(100_000L);
        assertEquals(even.size(), store.updateFlags(box, wanted, FlagUpdate.ADD, Flags.of(Flags.SEEN)).size());
        assertEquals(odd, store.expunge(box, odd));
        List<MessageMeta> left = store.messages(box);
        assertEquals(even, left.stream().map(MessageMeta::uid).toList());
        assertTrue(left.stream().allMatch(m -> m.flags().has(Flags.SEEN)));
    }

    @Test
    public void listenersHearOfConcurrentAppendsInUidOrder() throws Exception {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        List<Long> heard = new CopyOnWriteArrayList<>();
        store.subscribe(box, e -> heard.add(((MailboxEvent.Added) e).messages().get(0).uid()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.append(box, new byte[] {1}, Flags.NONE, Instant.now());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, heard.size());
        for (int i = 1; i < heard.size(); i++) {
            assertTrue("heard " + heard.get(i) + " after " + heard.get(i - 1), heard.get(i) > heard.get(i - 1));
        }
    }

    @Test
    public void aFailingListenerNeitherFailsTheChangeNorSilencesOthers() {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        List<MailboxEvent> heard = new ArrayList<>();
        store.subscribe(box, e -> {
            throw new IllegalStateException("broken session");
        });
        store.subscribe(box, heard::add);
        MessageMeta meta = store.append(box, new byte[] {1}, Flags.NONE, Instant.now());
        assertEquals(List.of(meta), store.messages(box));
        assertEquals(1, heard.size());
    }

    @Test
    public void deletingAMailboxTellsItsListeners() {
        long box = store.createMailbox("alice", "Trash").id();
        List<MailboxEvent> heard = new ArrayList<>();
        store.subscribe(box, heard::add);
        store.deleteMailbox("alice", "Trash");
        assertEquals(List.of(new MailboxEvent.Deleted(box)), heard);
    }

    /**
     * A connection of its own to the database a store has open: embedded Derby shares the booted database
     * within the JVM. Only for looking at or damaging the tables behind the store's back.
     */
    static Connection connectionBesides(Path dir) throws SQLException {
        return DerbyDatabase.open(dir).dataSource().getConnection(); // never closed: that would shut it down
    }

    private static byte[] storedStructure(Connection c, long box, long uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT structure FROM message_structure WHERE mailbox_id = ? AND uid = ?")) {
            ps.setLong(1, box);
            ps.setLong(2, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    @Test
    public void anUnreadableOrMissingStructureIsAnalysedAgainAndRewritten() throws Exception {
        long box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        List<byte[]> contents = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] content = ("Subject: message " + i + "\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                    + "--b\r\n\r\npart " + i + "\r\n--b--\r\n").getBytes();
            contents.add(content);
            uids.add(store.append(box, content, Flags.NONE, Instant.now()).uid());
        }
        try (Connection c = connectionBesides(dir)) {
            c.setAutoCommit(true);
            try (PreparedStatement damage = c.prepareStatement(
                    "UPDATE message_structure SET structure = ? WHERE mailbox_id = ? AND uid = ?")) {
                damage.setLong(2, box);
                damage.setBytes(1, new byte[] {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, 7}); // corrupt
                damage.setLong(3, uids.get(0));
                assertEquals(1, damage.executeUpdate());
                byte[] oldFormat = MessageAnalyzer.analyze(contents.get(1)).toBytes();
                oldFormat[0] = 0; // a format version this code does not read
                damage.setBytes(1, oldFormat);
                damage.setLong(3, uids.get(1));
                assertEquals(1, damage.executeUpdate());
            }
            try (PreparedStatement lose = c.prepareStatement(
                    "DELETE FROM message_structure WHERE mailbox_id = ? AND uid = ?")) {
                lose.setLong(1, box);
                lose.setLong(2, uids.get(2));
                assertEquals(1, lose.executeUpdate());
            }
        }
        store = reopen(); // as after an upgrade or a crash: nothing of the damaged messages is in memory
        try (Connection c = connectionBesides(dir)) {
            assertArrayEquals(MessageAnalyzer.analyze(contents.get(0)).toBytes(), store.structure(box, uids.get(0)));
            Map<Long, byte[]> batch = store.structures(box, List.of(uids.get(1), uids.get(2), uids.get(3), 99L));
            assertEquals(uids.subList(1, 4), List.copyOf(batch.keySet()));
            for (int i = 0; i < 4; i++) {
                byte[] expected = MessageAnalyzer.analyze(contents.get(i)).toBytes();
                if (i > 0) {
                    assertArrayEquals(expected, batch.get(uids.get(i)));
                }
                assertArrayEquals("rewritten in the database", expected, storedStructure(c, box, uids.get(i)));
            }
        }
        // an expunged message stays without a structure: healing never brings one back
        store.expunge(box, List.of(uids.get(0)));
        try {
            store.structure(box, uids.get(0));
            fail("structure of an expunged message");
        } catch (MessageNotFoundException expected) {
            // the contract
        }
        try (Connection c = connectionBesides(dir)) {
            assertNull(storedStructure(c, box, uids.get(0)));
        }
    }

    @Test
    public void databaseDirectoryFollowsConfigurationThenDataDirectory() {
        assertEquals(Path.of("/srv/mail/db"), DerbyStoreComponent.databaseDir(" /srv/mail/db ", "/data"));
        assertEquals(Path.of("/data", "db"), DerbyStoreComponent.databaseDir("", "/data"));
        assertEquals(Path.of("data", "db"), DerbyStoreComponent.databaseDir(null, null));
    }
}
