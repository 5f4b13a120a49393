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
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;

/** A database made by release 1 (schema version 1) upgrades in place when a newer store opens it. */
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

        try (DerbyMailStore store = new DerbyMailStore(dir)) { // opening a version 2 database changes nothing
            assertEquals(List.of(1L), store.expungedSince(1, 0));
            assertEquals(Set.of("INBOX"), store.subscriptions("alice"));
            assertEquals(4, store.claimRecent(1));
        }
        DerbyDatabase again = DerbyDatabase.open(dir);
        try (Connection c = again.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            assertEquals(Schema.VERSION, rs.getInt(1));
            assertEquals(2, Schema.VERSION);
        } finally {
            again.close();
        }
    }
}
