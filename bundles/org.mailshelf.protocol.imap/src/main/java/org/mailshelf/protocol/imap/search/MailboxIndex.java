package org.mailshelf.protocol.imap.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.mailshelf.mime.MessageStructure;

/**
 * What the messages of one mailbox say in the fields SEARCH is most often asked about, in the folded form the
 * evaluator compares: Subject and the From, To, Cc and Bcc addresses as whole strings, and every word of the
 * body text with the messages it occurs in. Messages are added in UID order and never removed (an expunged
 * message's entry is simply never asked about again); a session only consults the entries of the UIDs in its
 * own view. Arrays only grow, so a {@link Snapshot} taken under the lock can be read without it.
 */
final class MailboxIndex {

    /** Digested fields, by position: Subject with HEADER semantics, the others with address semantics. */
    static final List<String> FIELDS = List.of("subject", "from", "to", "cc", "bcc");

    private long[] uids = new long[256];
    private String[][] fields = new String[FIELDS.size()][256];
    private int count;
    /** Slots below this have had their body words added (or could not be read: {@link #unreadable}). */
    private int bodiesIndexed;
    private final BitSet unreadable = new BitSet();
    private final Map<String, Postings> words = new HashMap<>();
    private long digestBytes;
    /** What the word index holds, kept up to date by {@link #addBody} so that {@link #weight} is cheap. */
    private long wordBytes;

    /**
     * Writes everything for {@link #readFrom}: a restart then reads the index instead of reading every message
     * again. Strings as length-prefixed UTF-8 (-1 for none): a digest may exceed writeUTF's 64 KiB.
     */
    synchronized void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(count);
        out.writeInt(bodiesIndexed);
        for (int i = 0; i < count; i++) {
            out.writeLong(uids[i]);
        }
        for (String[] field : fields) {
            for (int i = 0; i < count; i++) {
                writeString(out, field[i]);
            }
        }
        long[] unreadableBits = unreadable.toLongArray();
        out.writeInt(unreadableBits.length);
        for (long bits : unreadableBits) {
            out.writeLong(bits);
        }
        out.writeInt(words.size());
        for (Map.Entry<String, Postings> e : words.entrySet()) {
            writeString(out, e.getKey());
            e.getValue().writeTo(out);
        }
    }

    /** What {@link #writeTo} wrote; the weight is computed again rather than trusted. */
    static MailboxIndex readFrom(DataInputStream in) throws IOException {
        MailboxIndex index = new MailboxIndex();
        int count = in.readInt();
        index.bodiesIndexed = in.readInt();
        if (count < 0 || index.bodiesIndexed < 0 || index.bodiesIndexed > count) {
            throw new IOException("inconsistent search index");
        }
        index.uids = new long[Math.max(count, 256)];
        for (int i = 0; i < count; i++) {
            index.uids[i] = in.readLong();
        }
        for (int f = 0; f < index.fields.length; f++) {
            index.fields[f] = new String[index.uids.length];
            for (int i = 0; i < count; i++) {
                String value = readString(in);
                index.fields[f][i] = value;
                index.digestBytes += 8 + (value == null ? 0 : 40 + value.length());
            }
        }
        index.count = count;
        long[] unreadableBits = new long[in.readInt()];
        for (int i = 0; i < unreadableBits.length; i++) {
            unreadableBits[i] = in.readLong();
        }
        index.unreadable.or(BitSet.valueOf(unreadableBits));
        for (int n = in.readInt(); n > 0; n--) {
            String word = readString(in);
            Postings postings = Postings.readFrom(in);
            index.words.put(word, postings);
            index.wordBytes += 48 + 2L * word.length() + postings.bytes();
        }
        return index;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    synchronized long lastUid() {
        return count == 0 ? 0 : uids[count - 1];
    }

    synchronized int size() {
        return count;
    }

    synchronized int bodiesIndexed() {
        return bodiesIndexed;
    }

    synchronized long uidAt(int slot) {
        return uids[slot];
    }

    /** Adds a message with a UID above every UID added before. */
    synchronized void addHeaders(long uid, MessageStructure structure) {
        if (count == uids.length) {
            uids = Arrays.copyOf(uids, count * 2);
            for (int f = 0; f < fields.length; f++) {
                fields[f] = Arrays.copyOf(fields[f], count * 2);
            }
        }
        uids[count] = uid;
        fields[0][count] = headerDigest(structure.headerValues("Subject"));
        for (int f = 1; f < FIELDS.size(); f++) {
            fields[f][count] = addressDigest(structure, FIELDS.get(f));
        }
        for (String[] field : fields) {
            // a String and its array cost about 40 bytes beyond the characters (one byte each when Latin-1)
            digestBytes += 8 + (field[count] == null ? 0 : 40 + field[count].length());
        }
        count++;
    }

    /** Adds the words of the next slot's folded body text; null when the body could not be read. */
    synchronized void addBody(String foldedText) {
        int slot = bodiesIndexed++;
        if (foldedText == null) {
            unreadable.set(slot);
            return;
        }
        for (String word : new HashSet<>(Words.of(foldedText))) {
            Postings postings = words.get(word);
            if (postings == null) {
                postings = new Postings();
                words.put(word, postings);
                wordBytes += 48 + 2L * word.length();
            }
            wordBytes -= postings.bytes();
            postings.add(slot);
            wordBytes += postings.bytes();
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(uids, fields.clone(), count, bodiesIndexed, (BitSet) unreadable.clone());
    }

    /**
     * The slots whose body may contain the folded needle (exact: whose body does contain it), among the
     * slots indexed so far. A needle that is one run of letters and digits lies within one word wherever it
     * occurs, so the words containing it give the exact answer. Otherwise each of its words must be a word of
     * the body (the first may be a word's end, the last a word's start), which narrows the messages a full
     * comparison must read.
     */
    synchronized BodyCandidates bodyCandidates(String needle) {
        List<String> pieces = Words.of(needle);
        if (pieces.isEmpty()) {
            return null;
        }
        boolean exact = pieces.size() == 1 && Words.startsWithWordChar(needle) && Words.endsWithWordChar(needle);
        BitSet result = null;
        for (int i = 0; i < pieces.size(); i++) {
            boolean leftBounded = i > 0 || !Words.startsWithWordChar(needle);
            boolean rightBounded = i < pieces.size() - 1 || !Words.endsWithWordChar(needle);
            BitSet slots = slotsWithWord(pieces.get(i), leftBounded, rightBounded);
            if (result == null) {
                result = slots;
            } else {
                result.and(slots);
            }
        }
        return new BodyCandidates(result, exact, bodiesIndexed);
    }

    private BitSet slotsWithWord(String piece, boolean leftBounded, boolean rightBounded) {
        BitSet slots = new BitSet(bodiesIndexed);
        if (leftBounded && rightBounded) {
            Postings p = words.get(piece);
            if (p != null) {
                p.addTo(slots, bodiesIndexed);
            }
            return slots;
        }
        for (Map.Entry<String, Postings> e : words.entrySet()) {
            String word = e.getKey();
            boolean fits = leftBounded ? word.startsWith(piece)
                    : rightBounded ? word.endsWith(piece) : word.contains(piece);
            if (fits) {
                e.getValue().addTo(slots, bodiesIndexed);
            }
        }
        return slots;
    }

    /** Roughly what the index holds on the heap, for the cache's budget. */
    synchronized long weight() {
        return wordBytes + 8L * uids.length + digestBytes;
    }

    private static String headerDigest(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder digest = new StringBuilder();
        for (String value : values) {
            // a needle cannot contain NUL, so it never matches across two values
            digest.append(digest.length() == 0 ? "" : "\0").append(Fold.fold(Fold.unfold(value)));
        }
        return digest.toString();
    }

    /** As {@link SearchEvaluator} writes a field's addresses; null when the message has no such field. */
    private static String addressDigest(MessageStructure structure, String field) {
        if (structure.headerValues(field).isEmpty()) {
            return null;
        }
        return Fold.fold(SearchEvaluator.written(structure.addresses(field)));
    }

    /** The index as it was at one moment: the entries of {@code count} messages. */
    record Snapshot(long[] uids, String[][] fields, int count, int bodiesIndexed, BitSet unreadable) {

        /** The slot of a UID, or -1 when it is not indexed. */
        int slot(long uid) {
            int i = Arrays.binarySearch(uids, 0, count, uid);
            return i >= 0 ? i : -1;
        }

        String field(int field, int slot) {
            return fields[field][slot];
        }

        boolean bodyKnown(int slot) {
            return slot < bodiesIndexed && !unreadable.get(slot);
        }
    }

    /** The result of {@link #bodyCandidates}: slots below {@code limit} not in {@code slots} do not match. */
    record BodyCandidates(BitSet slots, boolean exact, int limit) {
    }
}
