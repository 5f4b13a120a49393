package org.mailshelf.protocol.imap.fetch;

import java.util.List;

/**
 * The parsed arguments of FETCH / UID FETCH after the sequence set: the items in the order asked for (macros
 * expanded, duplicates removed) and the RFC 7162 modifiers. Immutable.
 *
 * @param items        at least one item
 * @param changedSince the CHANGEDSINCE mod-sequence, or -1 without the modifier
 * @param vanished     the QRESYNC VANISHED modifier (only with UID FETCH and CHANGEDSINCE)
 */
public record FetchRequest(List<FetchItem> items, long changedSince, boolean vanished) {

    public FetchRequest {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no items");
        }
        if (vanished && changedSince < 0) {
            throw new IllegalArgumentException("VANISHED needs CHANGEDSINCE");
        }
    }

    public static FetchRequest of(FetchItem... items) {
        return new FetchRequest(List.of(items), -1, false);
    }

    public boolean hasChangedSince() {
        return changedSince >= 0;
    }

    /** Whether a message with this mod-sequence is to be answered: always, or only if changed since. */
    public boolean selects(long modSeq) {
        return changedSince < 0 || modSeq > changedSince;
    }

    public boolean contains(FetchItem item) {
        return items.contains(item);
    }

    /**
     * Whether answering sets \Seen (RFC 3501 section 6.4.5): BODY[...] without .PEEK, RFC822 and RFC822.TEXT.
     * The session sets it (in a read-write mailbox, on messages without it) before rendering.
     */
    public boolean setsSeen() {
        for (FetchItem item : items) {
            if (item == FetchAttribute.RFC822 || item == FetchAttribute.RFC822_TEXT
                    || (item instanceof BodySection s && !s.peek())) {
                return true;
            }
        }
        return false;
    }

    /** Whether rendering reads {@code MessageView.structure()}. */
    public boolean needsStructure() {
        for (FetchItem item : items) {
            if (item == FetchAttribute.ENVELOPE || item == FetchAttribute.BODY
                    || item == FetchAttribute.BODYSTRUCTURE || item == FetchAttribute.RFC822_HEADER
                    || item == FetchAttribute.RFC822_TEXT || (item instanceof BodySection s && s.needsStructure())) {
                return true;
            }
        }
        return false;
    }

    /** Whether rendering reads {@code MessageView.content()}. */
    public boolean needsContent() {
        for (FetchItem item : items) {
            if (item == FetchAttribute.RFC822 || item == FetchAttribute.RFC822_HEADER
                    || item == FetchAttribute.RFC822_TEXT || item instanceof BodySection) {
                return true;
            }
        }
        return false;
    }
}
