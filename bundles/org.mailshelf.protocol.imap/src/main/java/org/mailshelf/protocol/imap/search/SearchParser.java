package org.mailshelf.protocol.imap.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mailshelf.api.Flags;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.Token;
import org.mailshelf.protocol.imap.search.SearchKey.DateComparison;

/**
 * Reads the arguments of SEARCH (after {@code UID}, if any) into a {@link SearchRequest}:
 *
 * <pre>
 * search = "SEARCH" [SP "RETURN" SP "(" [return-opt *(SP return-opt)] ")"] [SP "CHARSET" SP astring]
 *          1*(SP search-key)
 * </pre>
 *
 * with every key of RFC 3501 section 6.4.4 and MODSEQ of RFC 7162. Strings are astrings read as UTF-8, which
 * is also what US-ASCII strings are. Nesting of NOT, OR and parentheses is limited to {@link #MAX_DEPTH}.
 */
public final class SearchParser {

    /** Deepest nesting of NOT, OR and parentheses accepted; deeper is surely hostile. */
    public static final int MAX_DEPTH = 100;

    private SearchParser() {
    }

    /**
     * @throws ParseException      the arguments do not follow the grammar: answer BAD with its message
     * @throws BadCharsetException CHARSET names something other than US-ASCII or UTF-8: answer
     *                             {@code NO [BADCHARSET (US-ASCII UTF-8)]}
     */
    public static SearchRequest parse(ArgumentReader r) throws ParseException, BadCharsetException {
        ReturnOptions options = null;
        if (r.tryAtom("RETURN")) {
            options = returnOptions(r.list());
        }
        if (r.tryAtom("CHARSET")) {
            String charset = r.astring();
            if (!charset.equalsIgnoreCase("US-ASCII") && !charset.equalsIgnoreCase("UTF-8")) {
                throw new BadCharsetException();
            }
        }
        if (r.atEnd()) {
            throw new ParseException("Missing search criteria");
        }
        return new SearchRequest(keys(r, 0), options);
    }

    private static ReturnOptions returnOptions(ArgumentReader items) throws ParseException {
        if (items.atEnd()) {
            return ReturnOptions.ALL;
        }
        boolean min = false;
        boolean max = false;
        boolean count = false;
        boolean all = false;
        while (!items.atEnd()) {
            switch (items.keyword()) {
                case "MIN" -> min = true;
                case "MAX" -> max = true;
                case "COUNT" -> count = true;
                case "ALL" -> all = true;
                case "SAVE" -> throw new ParseException("RETURN SAVE is not supported");
                default -> throw new ParseException("Unknown search return option");
            }
        }
        return new ReturnOptions(min, max, count, all);
    }

    /** One or more keys up to the end of {@code r}; several are their AND. */
    private static SearchKey keys(ArgumentReader r, int depth) throws ParseException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(r, depth));
        } while (!r.atEnd());
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private static SearchKey key(ArgumentReader r, int depth) throws ParseException {
        if (depth > MAX_DEPTH) {
            throw new ParseException("Search criteria nested too deeply");
        }
        if (r.nextIsList()) {
            ArgumentReader group = r.list();
            if (group.atEnd()) {
                throw new ParseException("Empty search group");
            }
            return keys(group, depth + 1);
        }
        String atom = r.peekAtom();
        if (atom == null) {
            throw new ParseException(r.atEnd() ? "Missing search key" : "Expected a search key");
        }
        char first = atom.charAt(0);
        if (first == '*' || (first >= '0' && first <= '9')) {
            return new SearchKey.Sequence(r.sequenceSet());
        }
        if (first == '$') {
            throw new ParseException("Saved search results are not supported");
        }
        r.next();
        return switch (atom.toUpperCase(Locale.ROOT)) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> flag(Flags.ANSWERED);
            case "DELETED" -> flag(Flags.DELETED);
            case "DRAFT" -> flag(Flags.DRAFT);
            case "FLAGGED" -> flag(Flags.FLAGGED);
            case "SEEN" -> flag(Flags.SEEN);
            case "UNANSWERED" -> new SearchKey.Not(flag(Flags.ANSWERED));
            case "UNDELETED" -> new SearchKey.Not(flag(Flags.DELETED));
            case "UNDRAFT" -> new SearchKey.Not(flag(Flags.DRAFT));
            case "UNFLAGGED" -> new SearchKey.Not(flag(Flags.FLAGGED));
            case "UNSEEN" -> new SearchKey.Not(flag(Flags.SEEN));
            case "KEYWORD" -> keyword(r);
            case "UNKEYWORD" -> new SearchKey.Not(keyword(r));
            case "RECENT" -> new SearchKey.Recent();
            case "NEW" -> new SearchKey.And(List.of(new SearchKey.Recent(), new SearchKey.Not(flag(Flags.SEEN))));
            case "OLD" -> new SearchKey.Not(new SearchKey.Recent());
            case "BCC" -> new SearchKey.Address("Bcc", r.astring());
            case "CC" -> new SearchKey.Address("Cc", r.astring());
            case "FROM" -> new SearchKey.Address("From", r.astring());
            case "TO" -> new SearchKey.Address("To", r.astring());
            case "SUBJECT" -> new SearchKey.Header("Subject", r.astring());
            case "HEADER" -> new SearchKey.Header(fieldName(r.astring()), r.astring());
            case "BODY" -> new SearchKey.Body(r.astring());
            case "TEXT" -> new SearchKey.Text(r.astring());
            case "BEFORE" -> new SearchKey.InternalDate(DateComparison.BEFORE, r.date());
            case "ON" -> new SearchKey.InternalDate(DateComparison.ON, r.date());
            case "SINCE" -> new SearchKey.InternalDate(DateComparison.SINCE, r.date());
            case "SENTBEFORE" -> new SearchKey.SentDate(DateComparison.BEFORE, r.date());
            case "SENTON" -> new SearchKey.SentDate(DateComparison.ON, r.date());
            case "SENTSINCE" -> new SearchKey.SentDate(DateComparison.SINCE, r.date());
            case "LARGER" -> new SearchKey.Larger(r.number());
            case "SMALLER" -> new SearchKey.Smaller(r.number());
            case "UID" -> new SearchKey.Uid(r.sequenceSet());
            case "MODSEQ" -> modSeq(r);
            case "NOT" -> new SearchKey.Not(key(r, depth + 1));
            case "OR" -> new SearchKey.Or(key(r, depth + 1), key(r, depth + 1));
            default -> throw new ParseException("Unknown search key");
        };
    }

    private static SearchKey flag(int bit) {
        return new SearchKey.SystemFlag(bit);
    }

    /** KEYWORD's flag-keyword; a system flag written there (as some clients do) means that flag. */
    private static SearchKey keyword(ArgumentReader r) throws ParseException {
        String name = r.flag();
        int bit = Flags.systemBit(name);
        if (bit != 0) {
            return flag(bit);
        }
        if (name.equalsIgnoreCase("\\Recent")) {
            return new SearchKey.Recent();
        }
        return new SearchKey.Keyword(name);
    }

    /** RFC 5322 field-name: printable ASCII except ":", at least one. */
    private static String fieldName(String name) throws ParseException {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
            throw new ParseException("Invalid header field name");
        }
        return name;
    }

    /** {@code MODSEQ ["/flags/<flag>" (priv|shared|all)] mod-sequence-valzer} (RFC 7162 section 3.1.5). */
    private static SearchKey modSeq(ArgumentReader r) throws ParseException {
        String entryName = null;
        String entryType = null;
        if (r.peek() instanceof Token.Quoted) {
            entryName = r.string();
            if (entryName.length() <= 7 || !entryName.regionMatches(true, 0, "/flags/", 0, 7)) {
                throw new ParseException("Invalid MODSEQ entry name");
            }
            entryType = r.keyword().toLowerCase(Locale.ROOT);
            if (!entryType.equals("priv") && !entryType.equals("shared") && !entryType.equals("all")) {
                throw new ParseException("Invalid MODSEQ entry type");
            }
        }
        String digits = r.atom();
        if (digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("Invalid mod-sequence");
        }
        try {
            return new SearchKey.ModSeq(Long.parseLong(digits), entryName, entryType);
        } catch (NumberFormatException e) {
            throw new ParseException("Invalid mod-sequence");
        }
    }
}
