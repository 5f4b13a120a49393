package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageAnalyzer;

/** Databases made by older releases (schema versions 1 and 2) upgrade in place when a newer store opens them. */
public class SchemaMigrationTest {

    /** Schema version 1 exactly as release 1 made it (copied, not shared: the test must not follow changes). */
    private static final List<String> VERSION_1 = List.of(
            "CREATE TABLE schema_version (version INT NOT NULL)",
            "CREATE TABLE store_state (id INT NOT NULL PRIMARY KEY, last_mailbox_id BIGINT NOT NULL,"
                    + " last_uid_validity BIGINT NOT NULL)",
            "INSERT INTO store_state (id, last_mailbox_id, last_uid_validity) VALUES (1, 0, 0)",
            "CREATE TABLE users (name VARCHAR(255) NOT NULL PRIMARY KEY, password_hash VARCHAR(1024) NOT NULL)",
            "CREATE TABLE mailboxes (id BIGINT NOT NULL PRIMARY KEY, user_name VARCHAR(255) NOT NULL,"
                    + " name VARCHAR(1024) NOT NULL, uid_validity BIGINT NOT NULL, uid_next BIGINT NOT NULL,"
                    + " highest_modseq BIGINT NOT NULL, CONSTRAINT mailboxes_user_name UNIQUE (user_name, name))",
            "CREATE TABLE messages (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL, modseq BIGINT NOT NULL,"
                    + " size BIGINT NOT NULL, internal_date BIGINT NOT NULL, system_flags INT NOT NULL,"
                    + " keywords VARCHAR(4000), PRIMARY KEY (mailbox_id, uid))",
            "CREATE INDEX messages_listing ON messages (mailbox_id, uid, modseq, size, internal_date,"
                    + " system_flags, keywords)",
            "CREATE TABLE message_content (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL,"
                    + " content BLOB NOT NULL, PRIMARY KEY (mailbox_id, uid))",
            "INSERT INTO schema_version (version) VALUES (1)");

    /** What version 2 added, exactly as that release made it. */
    private static final List<String> VERSION_2 = List.of(
            "ALTER TABLE mailboxes ADD COLUMN recent_floor BIGINT DEFAULT 1 NOT NULL",
            "CREATE TABLE subscriptions (user_name VARCHAR(255) NOT NULL, name VARCHAR(1024) NOT NULL,"
                    + " PRIMARY KEY (user_name, name))",
            "CREATE TABLE expunged_messages (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL,"
                    + " modseq BIGINT NOT NULL, PRIMARY KEY (mailbox_id, uid))",
            "INSERT INTO schema_version (version) VALUES (2)");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aVersionOneDatabaseUpgradesWithItsDataIntact() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        byte[] first = "Subject: one\r\n\r\nfirst\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] second = "Subject: two\r\n\r\nsecond\r\n".getBytes(StandardCharsets.ISO_8859_1);
        DerbyDatabase old = DerbyDatabase.open(dir);
        try (Connection c = old.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : VERSION_1) {
                s.execute(sql);
            }
            // what release 1 wrote for: INBOX of alice (uidvalidity 1700000000) with UIDs 1 and 3, 2 expunged
            s.execute("UPDATE store_state SET last_mailbox_id = 1, last_uid_validity = 1700000000");
            s.execute("INSERT INTO users (name, password_hash) VALUES ('alice', 'hash')");
            s.execute("INSERT INTO mailboxes (id, user_name, name, uid_validity, uid_next, highest_modseq)"
                    + " VALUES (1, 'alice', 'INBOX', 1700000000, 4, 5)");
            s.execute("INSERT INTO messages VALUES (1, 1, 2, " + first.length + ", 1700000000000, 1, NULL)");
            s.execute("INSERT INTO messages VALUES (1, 3, 4, " + second.length + ", 1700000001000, 0, '$Work')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_content VALUES (1, ?, ?)")) {
                ps.setLong(1, 1);
                ps.setBytes(2, first);
                ps.executeUpdate();
                ps.setLong(1, 3);
                ps.setBytes(2, second);
                ps.executeUpdate();
            }
        }
        old.close();

        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            MailboxInfo inbox = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow();
            assertEquals(new MailboxInfo(1, "alice", "INBOX", 1700000000, 4, 5), inbox);
            List<MessageMeta> messages = store.messages(1);
            assertEquals(List.of(
                    new MessageMeta(1, 2, first.length, Instant.ofEpochMilli(1700000000000L), Flags.of(Flags.SEEN)),
                    new MessageMeta(3, 4, second.length, Instant.ofEpochMilli(1700000001000L),
                            Flags.of(0, List.of("$Work")))),
                    messages);
            assertArrayEquals(second, store.content(1, 3));
            assertEquals("the upgrade analysed every stored message", 2, storedStructures(dir));
            assertArrayEquals(MessageAnalyzer.analyze(first).toBytes(), store.structure(1, 1));
            assertArrayEquals(MessageAnalyzer.analyze(second).toBytes(), store.structure(1, 3));
            assertEquals("hash", store.passwordHash("alice").orElseThrow());
            // the new state starts empty and works
            assertEquals(List.of(), store.expungedSince(1, 0));
            assertTrue(store.subscriptions("alice").isEmpty());
            assertEquals("upgraded messages are recent once", 1, store.claimRecent(1));
            assertEquals(4, store.claimRecent(1));
            store.subscribe("alice", "INBOX");
            store.expunge(1, List.of(1L));
            MailboxInfo made = store.createMailbox("alice", "Sent");
            assertEquals(2, made.id());
            assertTrue(made.uidValidity() > 1700000000);
        }

        try (DerbyMailStore store = new DerbyMailStore(dir)) { // opening a current database changes nothing
            assertEquals(List.of(1L), store.expungedSince(1, 0));
            assertEquals(Set.of("INBOX"), store.subscriptions("alice"));
            assertEquals(4, store.claimRecent(1));
            assertArrayEquals(MessageAnalyzer.analyze(second).toBytes(), store.structure(1, 3));
        }
        DerbyDatabase again = DerbyDatabase.open(dir);
        try (Connection c = again.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(Schema.VERSION, rs.getInt(1));
            assertEquals(5, Schema.VERSION);
            try (ResultSet kept = c.createStatement().executeQuery("SELECT COUNT(*) FROM metadata_snapshots")) {
                kept.next();
                assertEquals("version 4's table, empty: the mailbox is below the size worth keeping", 0,
                        kept.getInt(1));
            }
        } finally {
            again.close();
        }
    }

    @Test
    public void aVersionTwoDatabaseGetsTheStructureOfEveryMessage() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        // more messages than one insert batch, in two mailboxes, one of them with a gap (an expunged UID)
        int count = 250;
        DerbyDatabase old = DerbyDatabase.open(dir);
        try (Connection c = old.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : VERSION_1) {
                s.execute(sql);
            }
            for (String sql : VERSION_2) {
                s.execute(sql);
            }
            s.execute("UPDATE store_state SET last_mailbox_id = 2, last_uid_validity = 1700000001");
            s.execute("INSERT INTO mailboxes (id, user_name, name, uid_validity, uid_next, highest_modseq,"
                    + " recent_floor) VALUES (1, 'alice', 'INBOX', 1700000000, " + (count + 2) + ", 9, 1)");
            s.execute("INSERT INTO mailboxes (id, user_name, name, uid_validity, uid_next, highest_modseq,"
                    + " recent_floor) VALUES (2, 'alice', 'Sent', 1700000001, 2, 2, 1)");
            s.execute("INSERT INTO expunged_messages VALUES (1, 2, 9)");
            try (PreparedStatement meta = c.prepareStatement("INSERT INTO messages VALUES (?, ?, 2, ?, 0, 0, NULL)");
                    PreparedStatement body = c.prepareStatement("INSERT INTO message_content VALUES (?, ?, ?)")) {
                for (int i = 0; i <= count; i++) {
                    long box = i == 0 ? 2 : 1;
                    long uid = i == 0 ? 1 : i < 2 ? i : i + 1;
                    byte[] content = message(i);
                    meta.setLong(1, box);
                    meta.setLong(2, uid);
                    meta.setLong(3, content.length);
                    meta.executeUpdate();
                    body.setLong(1, box);
                    body.setLong(2, uid);
                    body.setBytes(3, content);
                    body.executeUpdate();
                }
            }
        }
        old.close();

        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            assertEquals(count + 1, storedStructures(dir));
            assertArrayEquals(MessageAnalyzer.analyze(message(0)).toBytes(), store.structure(2, 1));
            List<Long> uids = store.messages(1).stream().map(MessageMeta::uid).toList();
            assertEquals(count, uids.size());
            Map<Long, byte[]> all = store.structures(1, uids);
            assertEquals(uids, List.copyOf(all.keySet()));
            for (int i = 1; i <= count; i++) {
                assertArrayEquals(MessageAnalyzer.analyze(message(i)).toBytes(), all.get(i < 2 ? 1L : i + 1L));
            }
            assertEquals(List.of(2L), store.expungedSince(1, 0));
        }
    }

    private static byte[] message(int i) {
        return ("From: someone" + i + "@example.org\r\nSubject: number " + i
                + "\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n--x\r\n\r\ntext " + i
                + "\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>" + i + "</p>\r\n--x--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The structures the database holds, counted directly: the store heals missing ones on read, which must
     * not hide an upgrade that skipped them. Call it while a store has the database open.
     */
    private static int storedStructures(Path dir) throws Exception {
        try (Connection c = DerbyMailStoreTest.connectionBesides(dir); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM message_structure")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
