package org.mailshelf.store.derby.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.mailshelf.api.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables on first start and records the schema version, so a later release can migrate. Portable
 * SQL only; the content column type comes from the {@link Dialect}.
 *
 * <p>Message metadata and content live in separate tables so that listing a mailbox (SELECT, FETCH FLAGS) scans
 * narrow rows and never touches a BLOB. Mailbox ids and UIDVALIDITY values come from counters in the single
 * {@code store_state} row rather than from identity columns: portable, and never reused even after a mailbox
 * is deleted.
 */
final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    static final int VERSION = 5;

    private Schema() {
    }

    /**
     * The schema as release 1 made it. Frozen: a database is always made by running every step in turn, so a
     * new database and an upgraded one end up the same.
     */
    private static List<String> version1(Dialect dialect) {
        return List.of(
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
                // Listing a mailbox reads only this index, never the table: on Derby three times faster than
                // fetching each row through the primary key (100,000 messages in 30-40 ms instead of 100+).
                // It also serves CONDSTORE (modseq > n) well enough; a separate (mailbox_id, modseq) index
                // made every flag change a third slower.
                "CREATE INDEX messages_listing ON messages (mailbox_id, uid, modseq, size, internal_date,"
                        + " system_flags, keywords)",
                "CREATE TABLE message_content (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL,"
                        + " content " + dialect.blobType() + " NOT NULL, PRIMARY KEY (mailbox_id, uid))",
                "INSERT INTO schema_version (version) VALUES (1)");
    }

    /**
     * Version 2, for IMAP: subscriptions (names that need not exist as mailboxes), tombstones of expunged and
     * moved-away UIDs for QRESYNC (written in the expunge's transaction; kept as long as the mailbox), and each
     * mailbox's recent-floor for {@code \Recent} (1: every message of an upgraded mailbox is recent once).
     */
    private static List<String> version2() {
        return List.of(
                "ALTER TABLE mailboxes ADD COLUMN recent_floor BIGINT DEFAULT 1 NOT NULL",
                "CREATE TABLE subscriptions (user_name VARCHAR(255) NOT NULL, name VARCHAR(1024) NOT NULL,"
                        + " PRIMARY KEY (user_name, name))",
                // VANISHED (EARLIER) asks by modseq, but a mailbox has few tombstones next to its messages and
                // the primary key keeps them together; a modseq index would slow every expunge for little gain
                "CREATE TABLE expunged_messages (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL,"
                        + " modseq BIGINT NOT NULL, PRIMARY KEY (mailbox_id, uid))",
                "INSERT INTO schema_version (version) VALUES (2)");
    }

    /**
     * Version 3: each message's MIME analysis (serialized {@code MessageStructure}), computed once when the
     * message is stored. A table of its own, like the content, so that listing never reads it and FETCH ENVELOPE
     * reads only it. The upgrade analyses the messages already stored ({@link MessageSql#analyseAll}).
     */
    private static List<String> version3(Dialect dialect) {
        return List.of(
                "CREATE TABLE message_structure (mailbox_id BIGINT NOT NULL, uid BIGINT NOT NULL,"
                        + " structure " + dialect.blobType() + " NOT NULL, PRIMARY KEY (mailbox_id, uid))",
                "INSERT INTO schema_version (version) VALUES (3)");
    }

    /**
     * Version 4: a snapshot of each large mailbox's metadata, written when the store closes, so the first SELECT
     * after a start reads one row instead of listing the mailbox ({@link MetadataSnapshot}). In the database, not
     * beside it: a backup and its restore keep snapshots and messages together.
     */
    private static List<String> version4(Dialect dialect) {
        return List.of(
                "CREATE TABLE metadata_snapshots (mailbox_id BIGINT NOT NULL PRIMARY KEY,"
                        + " uid_validity BIGINT NOT NULL, uid_next BIGINT NOT NULL, highest_modseq BIGINT NOT NULL,"
                        + " data " + dialect.blobType() + " NOT NULL)",
                "INSERT INTO schema_version (version) VALUES (4)");
    }

    /** Version 5: what protocols keep about a mailbox between restarts ({@code MailStore.derived}). */
    private static List<String> version5(Dialect dialect) {
        return List.of(
                "CREATE TABLE derived_data (mailbox_id BIGINT NOT NULL, kind VARCHAR(64) NOT NULL,"
                        + " data " + dialect.blobType() + " NOT NULL, PRIMARY KEY (mailbox_id, kind))",
                "INSERT INTO schema_version (version) VALUES (5)");
    }

    /**
     * Brings the database to {@link #VERSION} and runs the dialect's startup statements; refuses a database
     * written by a newer release. An upgrade to version 3 reads every stored message once (a minute or so per
     * few hundred thousand messages), in the one upgrade transaction.
     */
    static void migrate(ConnectionPool pool, Dialect dialect) {
        // one transaction: a failed upgrade leaves the database as it was (DDL is transactional in Derby and
        // PostgreSQL)
        pool.inTransaction(c -> {
            int current = currentVersion(c.connection());
            if (current > VERSION) {
                throw new StoreException("The database has schema version " + current
                        + ", newer than this store understands (" + VERSION + ")");
            }
            List<List<String>> steps = List.of(version1(dialect), version2(), version3(dialect), version4(dialect),
                    version5(dialect));
            try (Statement s = c.connection().createStatement()) {
                for (int version = current + 1; version <= VERSION; version++) {
                    for (String sql : steps.get(version - 1)) {
                        s.execute(sql);
                    }
                    if (version == 3) {
                        long analysed = MessageSql.analyseAll(c);
                        if (analysed > 0) {
                            LOG.info("Schema version 3: analysed the " + analysed + " stored messages");
                        }
                    }
                }
                for (String sql : dialect.startup()) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    private static int currentVersion(Connection c) throws SQLException {
        if (!tableExists(c, "schema_version")) {
            return 0;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Databases fold unquoted names differently (Derby upper, PostgreSQL lower): compare ignoring case. */
    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
