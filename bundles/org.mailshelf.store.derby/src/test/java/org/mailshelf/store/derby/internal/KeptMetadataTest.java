package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;

/**
 * The metadata of a large mailbox kept in the database when the store closes is what the next start serves
 * instead of listing the mailbox, and only while the mailbox is unchanged. The tests alter the kept row by hand
 * to see which of the two a start used.
 */
public class KeptMetadataTest {

    private static final int COUNT = JdbcMailStore.SNAPSHOT_MIN_MESSAGES;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path dir;
    private long box;

    @Before
    public void fill() throws Exception {
        dir = tmp.newFolder().toPath().resolve("db");
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            box = store.createMailbox("alice", MailboxInfo.INBOX).id();
        }
        DerbyDatabase db = DerbyDatabase.open(dir);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement meta = c.prepareStatement("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?)");
            for (int uid = 1; uid <= COUNT; uid++) {
                meta.setLong(1, box);
                meta.setLong(2, uid);
                meta.setLong(3, uid + 1);
                meta.setLong(4, 100 + uid);
                meta.setLong(5, 1_700_000_000_000L + uid);
                meta.setInt(6, uid % 3 == 0 ? 0 : Flags.SEEN);
                meta.setString(7, uid % 10 == 0 ? "$Work" : null);
                meta.addBatch();
            }
            meta.executeBatch();
            c.createStatement().executeUpdate("UPDATE mailboxes SET uid_next = " + (COUNT + 1)
                    + ", highest_modseq = " + (COUNT + 1) + " WHERE id = " + box);
            c.commit();
        } finally {
            db.close();
        }
    }

    @Test
    public void aCleanCloseKeepsTheListingAndTheNextStartServesIt() throws Exception {
        List<MessageMeta> listed;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            listed = store.messages(box);
        }
        byte[] kept = keptRow();
        assertEquals(listed, MetadataSnapshot.decode(kept));

        List<MessageMeta> altered = new ArrayList<>(listed);
        altered.set(0, new MessageMeta(1, 2, 999_999, Instant.ofEpochMilli(1), Flags.of(0)));
        replaceKeptData(MetadataSnapshot.encode(altered));
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            assertEquals("served from the kept row", 999_999, store.messages(box).get(0).size());
            assertEquals(altered, store.messages(box));
        }
    }

    @Test
    public void aChangedMailboxIsListedAgainNotServedStale() throws Exception {
        List<MessageMeta> before;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            before = store.messages(box);
        }
        byte[] kept = keptRow();
        try (DerbyMailStore store = new DerbyMailStore(dir, DerbyMailStore.DEFAULT_CONNECTIONS, 0)) {
            // without a cache the close keeps nothing: the row stays as it was
            store.append(box, "Subject: new\r\n\r\nx\r\n".getBytes(), Flags.of(0), Instant.now());
        }
        assertArrayEquals(kept, keptRow());
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            List<MessageMeta> after = store.messages(box);
            assertEquals(before.size() + 1, after.size());
            assertEquals(before, after.subList(0, before.size()));
        }
        assertNotEquals("the close kept the new state", List.of(kept), List.of(keptRow()));
    }

    @Test
    public void prewarmingLoadsTheKeptMetadataBeforeAnyoneAsks() throws Exception {
        List<MessageMeta> listed;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            listed = store.messages(box);
        }
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            assertFalse(store.cache().contains(box));
            store.prewarm();
            assertTrue(store.cache().contains(box));
            assertEquals(listed, store.messages(box));
        }
    }

    @Test
    public void aDamagedRowIsIgnored() throws Exception {
        List<MessageMeta> listed;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            listed = store.messages(box);
        }
        replaceKeptData(new byte[] {1, 2, 3});
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            assertEquals(listed, store.messages(box));
        }
    }

    @Test
    public void deletingTheMailboxDeletesItsRow() throws Exception {
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            store.messages(box);
        }
        keptRow();
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            store.deleteMailbox("alice", MailboxInfo.INBOX);
        }
        try (Connection c = DerbyMailStoreTest.connectionBesides(dir);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM metadata_snapshots")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    private byte[] keptRow() throws SQLException {
        try (Connection c = DerbyMailStoreTest.connectionBesides(dir);
                PreparedStatement ps = c.prepareStatement("SELECT data FROM metadata_snapshots WHERE mailbox_id = ?")) {
            ps.setLong(1, box);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no metadata kept for mailbox " + box);
                }
                return rs.getBytes(1);
            }
        }
    }

    private void replaceKeptData(byte[] data) throws SQLException {
        try (Connection c = DerbyMailStoreTest.connectionBesides(dir);
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE metadata_snapshots SET data = ? WHERE mailbox_id = ?")) {
            ps.setBytes(1, data);
            ps.setLong(2, box);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
