package org.mailshelf.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageAnalyzer;

/**
 * The messages table (metadata, read on every SELECT and FETCH FLAGS), message_content (the bytes, read only
 * when a client fetches a body) and message_structure (the serialized MIME analysis, read by FETCH ENVELOPE,
 * BODYSTRUCTURE, BODY[section] and SEARCH on headers). Metadata queries touch neither of the other two.
 */
final class MessageSql {

    private static final String META = "uid, modseq, size, internal_date, system_flags, keywords";
    /** Up to this many UIDs are looked up one by one; more are read as one UID range and filtered. */
    private static final int POINT_LOOKUPS = 64;
    /** Tables keyed by (mailbox_id, uid) that hold one row per message, beside the metadata. */
    private static final String[] PER_MESSAGE = {"message_content", "message_structure"};
    /** Structures inserted per JDBC batch while the schema upgrade analyses stored messages. */
    private static final int ANALYSIS_BATCH = 100;

    private MessageSql() {
    }

    static void insert(SqlConnection c, long mailboxId, MessageMeta meta, byte[] content, byte[] structure)
            throws SQLException {
        PreparedStatement ps = c.prepare(
                "INSERT INTO messages (mailbox_id, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, mailboxId);
        ps.setLong(2, meta.uid());
        ps.setLong(3, meta.modSeq());
        ps.setLong(4, meta.size());
        ps.setLong(5, meta.internalDate().toEpochMilli());
        setFlags(ps, 6, meta.flags());
        ps.executeUpdate();
        PreparedStatement body = c.prepare("INSERT INTO message_content (mailbox_id, uid, content) VALUES (?, ?, ?)");
        body.setLong(1, mailboxId);
        body.setLong(2, meta.uid());
        body.setBytes(3, content);
        body.executeUpdate();
        insertStructure(c, mailboxId, meta.uid(), structure);
    }

    private static void insertStructure(SqlConnection c, long mailboxId, long uid, byte[] structure)
            throws SQLException {
        PreparedStatement ps = c.prepare(
                "INSERT INTO message_structure (mailbox_id, uid, structure) VALUES (?, ?, ?)");
        ps.setLong(1, mailboxId);
        ps.setLong(2, uid);
        ps.setBytes(3, structure);
        ps.executeUpdate();
    }

    /**
     * Every message of the mailbox in UID order: one scan of the covering index messages_listing. Reads without
     * row locks; the caller holds the mailbox's read lock, so no change to it is under way.
     */
    static List<MessageMeta> list(SqlConnection c, Dialect dialect, long mailboxId) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT " + META + " FROM messages WHERE mailbox_id = ? ORDER BY uid"
                + dialect.unlockedRead());
        ps.setLong(1, mailboxId);
        return read(ps);
    }

    /**
     * The messages among the given UIDs that exist, in UID order. For the writer that holds the mailbox's lock:
     * reads without row locks like {@link #list}.
     */
    static List<MessageMeta> find(SqlConnection c, Dialect dialect, long mailboxId, NavigableSet<Long> uids)
            throws SQLException {
        if (uids.isEmpty()) {
            return List.of();
        }
        if (uids.size() <= POINT_LOOKUPS) {
            PreparedStatement ps = c.prepare("SELECT " + META + " FROM messages WHERE mailbox_id = ? AND uid = ?"
                    + dialect.unlockedRead());
            ps.setLong(1, mailboxId);
            List<MessageMeta> found = new ArrayList<>();
            for (long uid : uids) {
                ps.setLong(2, uid);
                found.addAll(read(ps));
            }
            return found;
        }
        PreparedStatement ps = c.prepare("SELECT " + META
                + " FROM messages WHERE mailbox_id = ? AND uid >= ? AND uid <= ? ORDER BY uid"
                + dialect.unlockedRead());
        ps.setLong(1, mailboxId);
        ps.setLong(2, uids.first());
        ps.setLong(3, uids.last());
        List<MessageMeta> found = read(ps);
        found.removeIf(m -> !uids.contains(m.uid()));
        return found;
    }

    static void updateFlags(SqlConnection c, long mailboxId, Collection<MessageMeta> changed) throws SQLException {
        PreparedStatement ps = c.prepare(
                "UPDATE messages SET modseq = ?, system_flags = ?, keywords = ? WHERE mailbox_id = ? AND uid = ?");
        for (MessageMeta m : changed) {
            ps.setLong(1, m.modSeq());
            setFlags(ps, 2, m.flags());
            ps.setLong(4, mailboxId);
            ps.setLong(5, m.uid());
            ps.addBatch();
        }
        ps.executeBatch();
    }

    static void delete(SqlConnection c, long mailboxId, Collection<Long> uids) throws SQLException {
        for (String table : new String[] {"message_content", "message_structure", "messages"}) {
            PreparedStatement ps = c.prepare("DELETE FROM " + table + " WHERE mailbox_id = ? AND uid = ?");
            for (long uid : uids) {
                ps.setLong(1, mailboxId);
                ps.setLong(2, uid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Copies messages into another mailbox under new UIDs (content and structure copied inside the database,
     * never read into memory), all with the given mod-sequence.
     *
     * @param copies the new metadata, in the order of {@code sources}
     */
    static void copy(SqlConnection c, long fromId, List<MessageMeta> sources, long toId, List<MessageMeta> copies)
            throws SQLException {
        PreparedStatement meta = c.prepare(
                "INSERT INTO messages (mailbox_id, " + META + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement body = c.prepare("INSERT INTO message_content (mailbox_id, uid, content)"
                + " SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), content FROM message_content"
                + " WHERE mailbox_id = ? AND uid = ?");
        PreparedStatement structure = c.prepare("INSERT INTO message_structure (mailbox_id, uid, structure)"
                + " SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), structure FROM message_structure"
                + " WHERE mailbox_id = ? AND uid = ?");
        for (int i = 0; i < sources.size(); i++) {
            MessageMeta m = copies.get(i);
            meta.setLong(1, toId);
            meta.setLong(2, m.uid());
            meta.setLong(3, m.modSeq());
            meta.setLong(4, m.size());
            meta.setLong(5, m.internalDate().toEpochMilli());
            setFlags(meta, 6, m.flags());
            meta.addBatch();
            body.setLong(1, toId);
            body.setLong(2, m.uid());
            body.setLong(3, fromId);
            body.setLong(4, sources.get(i).uid());
            body.addBatch();
            structure.setLong(1, toId);
            structure.setLong(2, m.uid());
            structure.setLong(3, fromId);
            structure.setLong(4, sources.get(i).uid());
            structure.addBatch();
        }
        meta.executeBatch();
        body.executeBatch();
        structure.executeBatch();
    }

    /**
     * Moves messages to another mailbox under new UIDs by rewriting their keys: neither content nor structure is
     * copied.
     *
     * @param moved the new metadata, in the order of {@code sources}
     */
    static void move(SqlConnection c, long fromId, List<MessageMeta> sources, long toId, List<MessageMeta> moved)
            throws SQLException {
        PreparedStatement meta = c.prepare("UPDATE messages SET mailbox_id = ?, uid = ?, modseq = ?"
                + " WHERE mailbox_id = ? AND uid = ?");
        List<PreparedStatement> keys = new ArrayList<>();
        for (String table : PER_MESSAGE) {
            keys.add(c.prepare("UPDATE " + table + " SET mailbox_id = ?, uid = ? WHERE mailbox_id = ? AND uid = ?"));
        }
        for (int i = 0; i < sources.size(); i++) {
            long newUid = moved.get(i).uid();
            long oldUid = sources.get(i).uid();
            meta.setLong(1, toId);
            meta.setLong(2, newUid);
            meta.setLong(3, moved.get(i).modSeq());
            meta.setLong(4, fromId);
            meta.setLong(5, oldUid);
            meta.addBatch();
            for (PreparedStatement key : keys) {
                key.setLong(1, toId);
                key.setLong(2, newUid);
                key.setLong(3, fromId);
                key.setLong(4, oldUid);
                key.addBatch();
            }
        }
        meta.executeBatch();
        for (PreparedStatement key : keys) {
            key.executeBatch();
        }
    }

    /** Records that these UIDs left the mailbox at this mod-sequence (QRESYNC), in the removal's transaction. */
    static void tombstone(SqlConnection c, long mailboxId, Collection<Long> uids, long modSeq) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO expunged_messages (mailbox_id, uid, modseq) VALUES (?, ?, ?)");
        for (long uid : uids) {
            ps.setLong(1, mailboxId);
            ps.setLong(2, uid);
            ps.setLong(3, modSeq);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /** Tombstoned UIDs above a mod-sequence, ascending: a scan of the mailbox's part of the primary key. */
    static List<Long> expungedSince(SqlConnection c, long mailboxId, long modSeq) throws SQLException {
        PreparedStatement ps = c.prepare(
                "SELECT uid FROM expunged_messages WHERE mailbox_id = ? AND modseq > ? ORDER BY uid");
        ps.setLong(1, mailboxId);
        ps.setLong(2, modSeq);
        List<Long> uids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                uids.add(rs.getLong(1));
            }
        }
        return uids;
    }

    /**
     * Messages changed after a mod-sequence, ascending UID: one scan of the covering index messages_listing,
     * filtered on modseq, without row locks (the caller holds the mailbox's read lock, as for {@link #list}).
     */
    static List<MessageMeta> changedSince(SqlConnection c, Dialect dialect, long mailboxId, long modSeq)
            throws SQLException {
        PreparedStatement ps = c.prepare("SELECT " + META + " FROM messages WHERE mailbox_id = ? AND modseq > ?"
                + " ORDER BY uid" + dialect.unlockedRead());
        ps.setLong(1, mailboxId);
        ps.setLong(2, modSeq);
        return read(ps);
    }

    /**
     * Message count, unseen count ({@code \Seen} is bit 1 of system_flags: MOD is portable, bit operators are
     * not) and total size: one aggregate over the covering index, no content read. Caller holds the read lock.
     */
    static long[] aggregate(SqlConnection c, Dialect dialect, long mailboxId) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT COUNT(*), SUM(CASE WHEN MOD(system_flags, 2) = 0 THEN 1 ELSE 0 END),"
                + " SUM(size) FROM messages WHERE mailbox_id = ?" + dialect.unlockedRead());
        ps.setLong(1, mailboxId);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}; // SUM of nothing: NULL, read as 0
        }
    }

    static void deleteAll(SqlConnection c, long mailboxId) throws SQLException {
        for (String table : new String[] {"message_content", "message_structure", "messages", "expunged_messages"}) {
            PreparedStatement ps = c.prepare("DELETE FROM " + table + " WHERE mailbox_id = ?");
            ps.setLong(1, mailboxId);
            ps.executeUpdate();
        }
    }

    /** The stored bytes, or null if there is no such message. */
    static byte[] content(SqlConnection c, long mailboxId, long uid) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT content FROM message_content WHERE mailbox_id = ? AND uid = ?");
        ps.setLong(1, mailboxId);
        ps.setLong(2, uid);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /** The stored structure, or null if there is none (no such message, or a damaged database). */
    static byte[] structure(SqlConnection c, long mailboxId, long uid) throws SQLException {
        PreparedStatement ps = c.prepare(
                "SELECT structure FROM message_structure WHERE mailbox_id = ? AND uid = ?");
        ps.setLong(1, mailboxId);
        ps.setLong(2, uid);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    /** The stored structures of those of the given UIDs that have one, ascending UID. */
    static SortedMap<Long, byte[]> structures(SqlConnection c, long mailboxId, NavigableSet<Long> uids)
            throws SQLException {
        return blobs(c, "message_structure", "structure", mailboxId, uids);
    }

    /** The stored bytes of those of the given UIDs that exist, ascending UID. */
    static SortedMap<Long, byte[]> contents(SqlConnection c, long mailboxId, NavigableSet<Long> uids)
            throws SQLException {
        return blobs(c, "message_content", "content", mailboxId, uids);
    }

    /**
     * One column of the given messages. A few UIDs, or a sparse set, are looked up one by one; a dense set is one
     * scan of its UID range (which reads the rows of the UIDs in between, hence only when they are few). The
     * SQL text never depends on the number of UIDs, so Derby compiles each statement once.
     */
    private static SortedMap<Long, byte[]> blobs(SqlConnection c, String table, String column, long mailboxId,
            NavigableSet<Long> uids) throws SQLException {
        SortedMap<Long, byte[]> found = new TreeMap<>();
        if (uids.isEmpty()) {
            return found;
        }
        long span = uids.last() - uids.first() + 1;
        if (uids.size() <= POINT_LOOKUPS || span > 2L * uids.size()) {
            PreparedStatement ps = c.prepare(
                    "SELECT " + column + " FROM " + table + " WHERE mailbox_id = ? AND uid = ?");
            ps.setLong(1, mailboxId);
            for (long uid : uids) {
                ps.setLong(2, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.put(uid, rs.getBytes(1));
                    }
                }
            }
            return found;
        }
        PreparedStatement ps = c.prepare("SELECT uid, " + column + " FROM " + table
                + " WHERE mailbox_id = ? AND uid >= ? AND uid <= ?");
        ps.setLong(1, mailboxId);
        ps.setLong(2, uids.first());
        ps.setLong(3, uids.last());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long uid = rs.getLong(1);
                if (uids.contains(uid)) {
                    found.put(uid, rs.getBytes(2));
                }
            }
        }
        return found;
    }

    /**
     * Stores a message's structure in place of whatever is stored (nothing, or one that cannot be read). The
     * caller holds the mailbox's write lock and has checked that the message exists (its content).
     */
    static void replaceStructure(SqlConnection c, long mailboxId, long uid, byte[] structure) throws SQLException {
        PreparedStatement ps = c.prepare("DELETE FROM message_structure WHERE mailbox_id = ? AND uid = ?");
        ps.setLong(1, mailboxId);
        ps.setLong(2, uid);
        ps.executeUpdate();
        insertStructure(c, mailboxId, uid, structure);
    }

    /**
     * Analyses every stored message and stores its structure (the upgrade to schema version 3, in its
     * transaction). Streams each mailbox's content in UID order, so one message at a time is in memory, and
     * inserts the structures in batches.
     *
     * @return how many messages were analysed
     */
    static long analyseAll(SqlConnection c) throws SQLException {
        List<Long> mailboxes = new ArrayList<>();
        try (Statement s = c.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT mailbox_id FROM message_content ORDER BY mailbox_id")) {
            while (rs.next()) {
                mailboxes.add(rs.getLong(1));
            }
        }
        long analysed = 0;
        try (PreparedStatement read = c.connection().prepareStatement(
                "SELECT uid, content FROM message_content WHERE mailbox_id = ? ORDER BY uid");
                PreparedStatement write = c.connection().prepareStatement(
                        "INSERT INTO message_structure (mailbox_id, uid, structure) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (long mailboxId : mailboxes) {
                read.setLong(1, mailboxId);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        write.setLong(1, mailboxId);
                        write.setLong(2, rs.getLong(1));
                        write.setBytes(3, MessageAnalyzer.analyze(rs.getBytes(2)).toBytes());
                        write.addBatch();
                        analysed++;
                        if (++pending == ANALYSIS_BATCH) {
                            write.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        return analysed;
    }

    private static void setFlags(PreparedStatement ps, int index, Flags flags) throws SQLException {
        ps.setInt(index, flags.system());
        if (flags.keywords().isEmpty()) {
            ps.setNull(index + 1, Types.VARCHAR);
        } else {
            ps.setString(index + 1, String.join(" ", flags.keywords())); // IMAP keywords are atoms: no spaces
        }
    }

    private static Flags systemFlags(Flags[] shared, int system) {
        if (system < 0 || system >= shared.length) {
            return Flags.of(system);
        }
        Flags flags = shared[system];
        if (flags == null) {
            flags = Flags.of(system);
            shared[system] = flags;
        }
        return flags;
    }

    private static List<MessageMeta> read(PreparedStatement ps) throws SQLException {
        List<MessageMeta> metas = new ArrayList<>();
        // most messages of a mailbox share a handful of flag combinations: build each Flags once
        // (the metadata cache keeps them: one shared Flags per combination saves memory, too)
        Map<String, Flags> keywordFlags = new HashMap<>();
        Flags[] systemOnly = new Flags[32];
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int system = rs.getInt(5);
                String keywords = rs.getString(6);
                Flags flags = keywords == null ? systemFlags(systemOnly, system)
                        : keywordFlags.computeIfAbsent(system + " " + keywords,
                                k -> Flags.of(system, Arrays.asList(keywords.split(" "))));
                metas.add(new MessageMeta(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), flags));
            }
        }
        return metas;
    }
}
