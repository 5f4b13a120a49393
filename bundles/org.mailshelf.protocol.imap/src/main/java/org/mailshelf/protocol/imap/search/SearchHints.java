package org.mailshelf.protocol.imap.search;

import java.util.HashMap;
import java.util.Map;

/**
 * What one SEARCH command may take from its mailbox's {@link MailboxIndex} instead of reading messages: each
 * answer is exact or {@link Answer#UNKNOWN}, in which case the evaluator reads the message as without an index.
 */
public final class SearchHints {
    public static final SearchHints NONE = new SearchHints(null);

    enum Answer {
        YES, NO, UNKNOWN;

        static Answer of(boolean b) {
            return b ? YES : NO;
        }
    }

    private final MailboxIndex index;
    private final MailboxIndex.Snapshot snapshot;
    private final Map<String, MailboxIndex.BodyCandidates> bodyCandidates = new HashMap<>();

    SearchHints(MailboxIndex index) {
        this.index = index;
        this.snapshot = index == null ? null : index.snapshot();
    }

    /** Whether a Subject field of the message contains the folded needle (HEADER semantics). */
    Answer subject(long uid, String needle) {
        return field(0, uid, needle);
    }

    /** Whether the written addresses of a From, To, Cc or Bcc field contain the folded needle. */
    Answer address(String field, long uid, String needle) {
        int f = MailboxIndex.FIELDS.indexOf(field.toLowerCase(java.util.Locale.ROOT));
        return f < 1 ? Answer.UNKNOWN : field(f, uid, needle);
    }

    private Answer field(int field, long uid, String needle) {
        int slot = snapshot == null ? -1 : snapshot.slot(uid);
        if (slot < 0) {
            return Answer.UNKNOWN;
        }
        String digest = snapshot.field(field, slot);
        return Answer.of(digest != null && digest.contains(needle));
    }

    /** Whether the body text of the message contains the folded needle. */
    Answer body(long uid, String needle) {
        int slot = snapshot == null ? -1 : snapshot.slot(uid);
        if (slot < 0 || !snapshot.bodyKnown(slot)) {
            return Answer.UNKNOWN;
        }
        if (needle.isEmpty()) {
            return Answer.YES;
        }
        MailboxIndex.BodyCandidates candidates = bodyCandidates.computeIfAbsent(needle, index::bodyCandidates);
        if (candidates == null || slot >= candidates.limit()) {
            return Answer.UNKNOWN;
        }
        if (!candidates.slots().get(slot)) {
            return Answer.NO;
        }
        return candidates.exact() ? Answer.YES : Answer.UNKNOWN;
    }
}
