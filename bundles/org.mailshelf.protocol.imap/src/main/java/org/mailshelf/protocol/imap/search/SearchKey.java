package org.mailshelf.protocol.imap.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.mailshelf.api.Flags;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * One SEARCH criterion (RFC 3501 section 6.4.4, RFC 7162 MODSEQ) as a tree. The parser reduces the grammar to
 * these few forms: {@code UNSEEN} is {@code Not(SystemFlag(SEEN))}, {@code NEW} is
 * {@code And(Recent, Not(SystemFlag(SEEN)))}, {@code OLD} is {@code Not(Recent)}, {@code FROM x} is
 * {@code Address("From", x)}, {@code SUBJECT x} is {@code Header("Subject", x)}, and so on. Every key knows its {@link Cost}: what evaluating it needs to load.
 */
public sealed interface SearchKey {

    /** What a key needs beyond the message's metadata; ordered from cheap to expensive. */
    enum Cost {
        /** UID, sequence number, flags, size, internal date, mod-sequence, \Recent. */
        META,
        /** The stored MIME analysis: decoded header values, the Date header. */
        STRUCTURE,
        /** The message bytes (and the structure to find the text parts in them). */
        CONTENT
    }

    Cost cost();

    /** ALL. */
    record All() implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** A system flag is set: {@code bit} is one of {@link Flags#SEEN}, {@link Flags#ANSWERED}, ... */
    record SystemFlag(int bit) implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** A keyword is set (compared ignoring case, as flags are). */
    record Keyword(String name) implements SearchKey {
        public Keyword {
            Objects.requireNonNull(name);
        }

        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** The session sees the message as \Recent. */
    record Recent() implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** LARGER n: RFC822.SIZE greater than n. */
    record Larger(long size) implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** SMALLER n: RFC822.SIZE less than n. */
    record Smaller(long size) implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** How a message's date relates to the date given in BEFORE/ON/SINCE and the SENT variants. */
    enum DateComparison {
        BEFORE, ON, SINCE;

        public boolean test(LocalDate messageDate, LocalDate given) {
            return switch (this) {
                case BEFORE -> messageDate.isBefore(given);
                case ON -> messageDate.isEqual(given);
                case SINCE -> !messageDate.isBefore(given);
            };
        }
    }

    /** BEFORE / ON / SINCE: the INTERNALDATE's date in {@link SearchContext#zone()}. */
    record InternalDate(DateComparison comparison, LocalDate date) implements SearchKey {
        public InternalDate {
            Objects.requireNonNull(comparison);
            Objects.requireNonNull(date);
        }

        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /**
     * SENTBEFORE / SENTON / SENTSINCE: the Date header's date in the zone it was written in; a message without a
     * usable Date header is judged by its INTERNALDATE instead.
     */
    record SentDate(DateComparison comparison, LocalDate date) implements SearchKey {
        public SentDate {
            Objects.requireNonNull(comparison);
            Objects.requireNonNull(date);
        }

        @Override
        public Cost cost() {
            return Cost.STRUCTURE;
        }
    }

    /**
     * A top-level header field {@code name} whose decoded value contains {@code value} (case-insensitive); an
     * empty value matches every message that has the field. SUBJECT and HEADER are this key.
     */
    record Header(String name, String value) implements SearchKey {
        public Header {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }

        @Override
        public Cost cost() {
            return Cost.STRUCTURE;
        }
    }

    /**
     * FROM, TO, CC, BCC: one of the parsed addresses of the top-level fields {@code field}, written as Dovecot does
     * ({@code Display Name <mailbox@host>}, comments and quoting gone, the name decoded), contains {@code value}
     * (case-insensitive); an empty value matches every message that has the field.
     */
    record Address(String field, String value) implements SearchKey {
        public Address {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }

        @Override
        public Cost cost() {
            return Cost.STRUCTURE;
        }
    }

    /** BODY: the decoded text of the text parts contains {@code value}. */
    record Body(String value) implements SearchKey {
        public Body {
            Objects.requireNonNull(value);
        }

        @Override
        public Cost cost() {
            return Cost.CONTENT;
        }
    }

    /** TEXT: the header or the body contains {@code value}. */
    record Text(String value) implements SearchKey {
        public Text {
            Objects.requireNonNull(value);
        }

        @Override
        public Cost cost() {
            return Cost.CONTENT;
        }
    }

    /** A bare sequence set: message sequence numbers, {@code *} being the highest in the session's view. */
    record Sequence(SequenceSet set) implements SearchKey {
        public Sequence {
            Objects.requireNonNull(set);
        }

        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /** UID set, {@code *} being the highest UID in the session's view. */
    record Uid(SequenceSet set) implements SearchKey {
        public Uid {
            Objects.requireNonNull(set);
        }

        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    /**
     * MODSEQ (RFC 7162 section 3.1.5): the message's mod-sequence is at least {@code modSeq}. The optional entry
     * name ({@code "/flags/\\Seen"}) and type ({@code priv}, {@code shared}, {@code all}) are kept but do not
     * change the result: the store keeps one mod-sequence per message, which the RFC allows to be compared
     * instead.
     */
    record ModSeq(long modSeq, String entryName, String entryType) implements SearchKey {
        @Override
        public Cost cost() {
            return Cost.META;
        }
    }

    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key);
        }

        @Override
        public Cost cost() {
            return key.cost();
        }
    }

    /** OR; the evaluator tries the cheaper side first. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public Cost cost() {
            return left.cost().compareTo(right.cost()) >= 0 ? left.cost() : right.cost();
        }
    }

    /**
     * All of the keys (a parenthesized group, or the criteria of the command). The keys are kept ordered by
     * cost, cheapest first (stable otherwise), so that evaluation stops before loading what it need not.
     */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            List<SearchKey> sorted = new ArrayList<>(keys);
            if (sorted.isEmpty()) {
                throw new IllegalArgumentException("AND of no keys");
            }
            sorted.sort(Comparator.comparing(SearchKey::cost));
            keys = List.copyOf(sorted);
        }

        @Override
        public Cost cost() {
            return keys.get(keys.size() - 1).cost();
        }
    }

    /** Whether this key or one below it satisfies {@code test}. */
    default boolean any(java.util.function.Predicate<SearchKey> test) {
        if (test.test(this)) {
            return true;
        }
        if (this instanceof Not n) {
            return n.key().any(test);
        }
        if (this instanceof Or o) {
            return o.left().any(test) || o.right().any(test);
        }
        if (this instanceof And a) {
            for (SearchKey k : a.keys()) {
                if (k.any(test)) {
                    return true;
                }
            }
        }
        return false;
    }
}
