package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxEvent;
import org.mailshelf.api.store.MailboxNotFoundException;
import org.mailshelf.api.store.RecentClaim;
import org.mailshelf.api.store.Subscription;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * A session's view of its selected mailbox: the messages by sequence number (UIDs in a sorted array, so UID to
 * sequence number is a binary search), their flags and mod-sequences as last told to the client, and which are
 * \Recent for this session.
 *
 * <p>The store's listener only queues events (on whatever thread made the change). The session applies them
 * at the points IMAP allows ({@link #announce}): new messages and flag changes after any command, expunges only
 * when the command did not use sequence numbers (RFC 3501 section 7.4.1). Until then an expunged message keeps
 * its place; reading its content fails and FETCH reports it as gone. Changes the session made itself go through
 * the same queue (expunges) or are applied at once ({@link #updated}), and their echo is recognised by
 * mod-sequence.
 *
 * <p>The FLAGS response must list every flag a FETCH may show (RFC 3501 section 7.2.6). SELECT lists the keywords
 * in use; a keyword that appears later (this or another session stored it, or a new message carries it) is
 * announced with a new FLAGS and PERMANENTFLAGS ({@link #announceKeywords}) before the first FETCH that could
 * show it. Keywords are never withdrawn: a client may still hold messages with them.
 *
 * <p>Not thread-safe apart from the queue: the session uses it under its lock.
 */
final class SelectedMailbox {

    static final List<String> SYSTEM_FLAGS = List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft");

    private final MailStore store;
    private final MailboxInfo info;
    private final Runnable wakeup;
    private final boolean readOnly;
    private final Queue<MailboxEvent> events = new ConcurrentLinkedQueue<>();
    private final TreeSet<Long> pendingExpunges = new TreeSet<>();
    private final TreeSet<Long> flagChanges = new TreeSet<>();
    /** Every keyword this view has seen; a FETCH may show only those the last FLAGS response listed. */
    private final TreeSet<String> keywords = new TreeSet<>();
    private boolean keywordsAnnounced = true;
    private Subscription subscription;
    private long[] uids = new long[0];
    private MessageMeta[] metas = new MessageMeta[0];
    private boolean[] recent = new boolean[0];
    private int size;
    /** The highest mod-sequence of any message state this view has held: every one was true when seen. */
    private long highestSeen;
    private int recentCount;
    private int announcedExists;
    private int announcedRecent;
    private boolean deleted;

    private SelectedMailbox(MailStore store, MailboxInfo info, Runnable wakeup, boolean readOnly) {
        this.store = store;
        this.info = info;
        this.wakeup = wakeup;
        this.readOnly = readOnly;
    }

    /** EXAMINE only looks at \Recent; SELECT takes it (RFC 3501 6.3.2: EXAMINE loses no \Recent flags). */
    private RecentClaim claimRecent() {
        return readOnly ? new RecentClaim(store.recentFloor(info.id()), Long.MAX_VALUE)
                : store.claimRecentRange(info.id());
    }

    /**
     * Subscribes first, then claims \Recent and reads the messages, so no change is missed (one seen twice is
     * recognised). Only the UIDs the claim names are recent here: a message delivered between the claim and the
     * read belongs to whichever session claims next.
     */
    static SelectedMailbox open(MailStore store, MailboxInfo info, Runnable wakeup, boolean readOnly) {
        SelectedMailbox m = new SelectedMailbox(store, info, wakeup, readOnly);
        m.subscription = store.subscribe(info.id(), m::enqueue);
        try {
            RecentClaim claim = m.claimRecent();
            List<MessageMeta> all = store.messages(info.id());
            m.ensureCapacity(all.size());
            for (MessageMeta meta : all) {
                m.add(meta, claim.contains(meta.uid()));
            }
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        m.announcedExists = m.size;
        m.announcedRecent = m.recentCount;
        m.keywordsAnnounced = true; // the SELECT response lists them
        return m;
    }

    void close() {
        subscription.close();
    }

    long id() {
        return info.id();
    }

    long uidValidity() {
        return info.uidValidity();
    }

    /** UIDNEXT for SELECT: the mailbox's value when it was looked up, or one past a later message in the view. */
    long uidNext() {
        return Math.max(info.uidNext(), size == 0 ? 1 : uids[size - 1] + 1);
    }

    /**
     * HIGHESTMODSEQ for SELECT, never more than the truth: a client resynchronising from too low a value only
     * hears of some changes twice, from too high a one it would miss them.
     */
    long highestModSeq() {
        return Math.max(info.highestModSeq(), highestSeen);
    }

    int size() {
        return size;
    }

    int recentCount() {
        return recentCount;
    }

    long uid(int msn) {
        return uids[msn - 1];
    }

    MessageMeta meta(int msn) {
        return metas[msn - 1];
    }

    boolean isRecent(int msn) {
        return recent[msn - 1];
    }

    /** The sequence number of a UID in this view, or 0. */
    int msn(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i + 1 : 0;
    }

    /** The first message without \Seen, or 0. */
    int firstUnseen() {
        for (int i = 0; i < size; i++) {
            if (!metas[i].flags().has(Flags.SEEN)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Every keyword this view has seen, in use or not any more. */
    Set<String> keywords() {
        return Collections.unmodifiableSet(keywords);
    }

    /**
     * SELECT's {@code * FLAGS (...)} and {@code * OK [PERMANENTFLAGS (...)]}: the system flags and every keyword
     * seen, all permitted and new ones too ({@code \\*}) unless the mailbox is read-only.
     */
    void writeFlags(Consumer<byte[]> out, boolean readOnly) {
        List<String> flags = writeFlagsOnly(out);
        List<String> permanent = new ArrayList<>();
        if (!readOnly) {
            permanent.addAll(flags);
            permanent.add("\\*");
        }
        out.accept(ResponseWriter.untagged().atom("OK").beginCode("PERMANENTFLAGS").flags(permanent).endCode()
                .text("Flags permitted").toBytes());
    }

    /**
     * Writes FLAGS, and PERMANENTFLAGS for a read-write mailbox, if a keyword turned up since the last ones. Call
     * before any FETCH that may show flags; {@link #announce} does.
     */
    void announceKeywords(Consumer<byte[]> out, boolean readOnly) {
        if (keywordsAnnounced) {
            return;
        }
        if (readOnly) {
            writeFlagsOnly(out);
        } else {
            writeFlags(out, false);
        }
    }

    private List<String> writeFlagsOnly(Consumer<byte[]> out) {
        List<String> flags = new ArrayList<>(SYSTEM_FLAGS);
        flags.addAll(keywords);
        out.accept(ResponseWriter.untagged().atom("FLAGS").flags(flags).toBytes());
        keywordsAnnounced = true;
        return flags;
    }

    /**
     * The sequence numbers a set names, ascending, each once. By UID, numbers not in use are skipped
     * (RFC 3501 section 6.4.8) and {@code *} is the highest UID; by sequence number a number beyond the last
     * message is an error.
     */
    int[] resolve(SequenceSet set, boolean byUid) throws ParseException {
        IntList msns = new IntList();
        if (byUid) {
            if (size == 0) {
                return new int[0];
            }
            for (SequenceSet.Range r : set.ranges(uids[size - 1])) {
                int from = lowerBound(r.first());
                int to = lowerBound(r.last() == Long.MAX_VALUE ? r.last() : r.last() + 1);
                for (int i = from; i < to; i++) {
                    msns.add(i + 1);
                }
            }
        } else {
            for (SequenceSet.Range r : set.ranges(size)) {
                if (r.last() > size) {
                    throw new ParseException("Invalid message sequence number");
                }
                for (long n = r.first(); n <= r.last(); n++) {
                    msns.add((int) n);
                }
            }
        }
        return msns.toArray();
    }

    /** The UIDs of the given sequence numbers. */
    List<Long> uids(int[] msns) {
        List<Long> list = new ArrayList<>(msns.length);
        for (int msn : msns) {
            list.add(uids[msn - 1]);
        }
        return list;
    }

    /** The UIDs of messages flagged \Deleted, as this view knows them after applying queued changes. */
    List<Long> deletedUids() {
        sync();
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (metas[i].flags().has(Flags.DELETED)) {
                list.add(uids[i]);
            }
        }
        return list;
    }

    /** Flag changes this session made: applied at once; their echo from the store is then ignored. */
    void updated(List<MessageMeta> changed) {
        for (MessageMeta meta : changed) {
            int msn = msn(meta.uid());
            if (msn > 0 && meta.modSeq() > metas[msn - 1].modSeq()) {
                metas[msn - 1] = meta;
                note(meta);
                flagChanges.remove(meta.uid());
            }
        }
    }

    boolean hasPendingEvents() {
        return !events.isEmpty();
    }

    /**
     * Applies queued changes and writes what the client must hear: EXPUNGE (or VANISHED with QRESYNC) if
     * {@code expungesAllowed}, EXISTS and RECENT if they changed, a FETCH for each message whose flags another
     * session changed.
     *
     * @return false if the mailbox was deleted: the session must say BYE
     */
    boolean announce(Consumer<byte[]> out, boolean readOnly, boolean expungesAllowed, boolean condstore,
            boolean qresync) {
        sync();
        if (deleted) {
            return false;
        }
        announceKeywords(out, readOnly);
        if (expungesAllowed && !pendingExpunges.isEmpty()) {
            removeExpunged(out, qresync);
        }
        if (size != announcedExists) {
            out.accept(ResponseWriter.untagged().number(size).atom("EXISTS").toBytes());
            announcedExists = size;
        }
        if (recentCount != announcedRecent) {
            out.accept(ResponseWriter.untagged().number(recentCount).atom("RECENT").toBytes());
            announcedRecent = recentCount;
        }
        for (long uid : flagChanges) {
            int msn = msn(uid);
            if (msn > 0) {
                out.accept(fetchResponse(msn, true, condstore, condstore));
            }
        }
        flagChanges.clear();
        return true;
    }

    /**
     * {@code * msn FETCH ([UID n] [FLAGS (...)] [MODSEQ (m)])}, FLAGS with \Recent when it is. Once CONDSTORE is
     * enabled, every unsolicited or STORE-caused FETCH carries UID and MODSEQ (RFC 7162 section 3.2.4).
     */
    byte[] fetchResponse(int msn, boolean withFlags, boolean withUid, boolean withModSeq) {
        MessageMeta meta = metas[msn - 1];
        ResponseWriter w = ResponseWriter.untagged().number(msn).atom("FETCH").beginList();
        if (withUid) {
            w.atom("UID").number(meta.uid());
        }
        if (withFlags) {
            w.atom("FLAGS").flags(flagNames(msn));
        }
        if (withModSeq) {
            w.atom("MODSEQ").beginList().number(meta.modSeq()).endList();
        }
        return w.endList().toBytes();
    }

    /**
     * The sequence numbers of the messages whose mod-sequence in this view is above {@code modSeq}, ascending,
     * restricted to the UIDs of {@code known} (null: all; {@code *} standing for the largest UID in use).
     */
    int[] changedSince(long modSeq, SequenceSet known) {
        IntList msns = new IntList();
        long star = size == 0 ? 0 : uids[size - 1];
        for (int i = 0; i < size; i++) {
            if (metas[i].modSeq() > modSeq && (known == null || known.contains(uids[i], star))) {
                msns.add(i + 1);
            }
        }
        return msns.toArray();
    }

    /** The flags as IMAP names, \Recent included when it applies. */
    List<String> flagNames(int msn) {
        List<String> names = metas[msn - 1].flags().names();
        if (recent[msn - 1]) {
            names.add("\\Recent");
        }
        return names;
    }

    private void enqueue(MailboxEvent event) {
        events.add(event);
        wakeup.run();
    }

    /** Moves queued events into the view; announcing them is {@link #announce}'s job. */
    private void sync() {
        List<MessageMeta> added = new ArrayList<>();
        for (MailboxEvent e; (e = events.poll()) != null;) {
            if (e instanceof MailboxEvent.Added a) {
                for (MessageMeta meta : a.messages()) {
                    // a UID below the last one known was published late by a concurrent append: it shows up
                    // on the next SELECT, since sequence numbers of known messages must not change
                    long last = added.isEmpty() ? (size == 0 ? 0 : uids[size - 1]) : added.get(added.size() - 1).uid();
                    if (meta.uid() > last) {
                        added.add(meta);
                    }
                }
            } else if (e instanceof MailboxEvent.FlagsChanged f) {
                flagsChanged(f.messages(), added);
            } else if (e instanceof MailboxEvent.Expunged x) {
                pendingExpunges.addAll(x.uids());
            } else if (e instanceof MailboxEvent.Deleted) {
                deleted = true;
            }
        }
        if (!added.isEmpty()) {
            RecentClaim claim;
            try {
                claim = claimRecent();
            } catch (MailboxNotFoundException e) {
                claim = new RecentClaim(Long.MAX_VALUE, Long.MAX_VALUE);
            }
            for (MessageMeta meta : added) {
                add(meta, claim.contains(meta.uid()));
            }
        }
    }

    private void flagsChanged(List<MessageMeta> changed, List<MessageMeta> added) {
        for (MessageMeta meta : changed) {
            int msn = msn(meta.uid());
            if (msn > 0) {
                if (meta.modSeq() > metas[msn - 1].modSeq()) {
                    metas[msn - 1] = meta;
                    note(meta);
                    flagChanges.add(meta.uid());
                }
            } else {
                for (int i = 0; i < added.size(); i++) { // not yet in the view: take the newer flags along
                    if (added.get(i).uid() == meta.uid() && meta.modSeq() > added.get(i).modSeq()) {
                        added.set(i, meta);
                    }
                }
            }
        }
    }

    private void add(MessageMeta meta, boolean isRecent) {
        if (size == uids.length) {
            ensureCapacity(Math.max(16, size * 2));
        }
        uids[size] = meta.uid();
        metas[size] = meta;
        note(meta);
        recent[size] = isRecent;
        size++;
        if (isRecent) {
            recentCount++;
        }
    }

    /** Every message state that enters the view: its keywords for FLAGS, its mod-sequence for HIGHESTMODSEQ. */
    private void note(MessageMeta meta) {
        if (!meta.flags().keywords().isEmpty() && keywords.addAll(meta.flags().keywords())) {
            keywordsAnnounced = false;
        }
        highestSeen = Math.max(highestSeen, meta.modSeq());
    }

    private void ensureCapacity(int capacity) {
        if (capacity > uids.length) {
            uids = Arrays.copyOf(uids, capacity);
            metas = Arrays.copyOf(metas, capacity);
            recent = Arrays.copyOf(recent, capacity);
        }
    }

    /** Drops expunged messages in one pass, announcing each by its sequence number at that moment. */
    private void removeExpunged(Consumer<byte[]> out, boolean qresync) {
        List<Long> vanished = new ArrayList<>();
        int announced = announcedExists;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            long uid = uids[i];
            if (pendingExpunges.contains(uid)) {
                // a message the client never heard of (no EXISTS yet) just goes: announcing it would count
                // past the EXISTS the client knows
                if (i < announced) {
                    if (qresync) {
                        vanished.add(uid);
                    } else {
                        out.accept(ResponseWriter.untagged().number(kept + 1L).atom("EXPUNGE").toBytes());
                    }
                    announcedExists--;
                }
                if (recent[i]) {
                    recentCount--;
                }
                flagChanges.remove(uid);
            } else {
                uids[kept] = uid;
                metas[kept] = metas[i];
                recent[kept] = recent[i];
                kept++;
            }
        }
        Arrays.fill(metas, kept, size, null);
        size = kept;
        pendingExpunges.clear();
        announcedRecent = Math.min(announcedRecent, recentCount);
        if (!vanished.isEmpty()) {
            out.accept(ResponseWriter.untagged().atom("VANISHED").atom(UidSets.format(vanished)).toBytes());
        }
    }

    private int lowerBound(long uid) {
        int i = Arrays.binarySearch(uids, 0, size, uid);
        return i >= 0 ? i : -i - 1;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
