package org.mailshelf.protocol.imap.codec;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cursor over a command's arguments (or a list's items) for the per-command parsers: each method reads one
 * argument of the kind the grammar expects there, or throws a {@link ParseException} whose message suits a
 * {@code BAD} response. A parser reads what it needs and ends with {@link #end()}:
 *
 * <pre>{@code
 * ArgumentReader r = command.reader();
 * String user = r.astring();
 * String password = r.astring();
 * r.end();
 * }</pre>
 */
public final class ArgumentReader {

    private final List<Token> tokens;
    private int index;

    ArgumentReader(List<Token> tokens) {
        this.tokens = tokens;
    }

    public boolean atEnd() {
        return index >= tokens.size();
    }

    /** The next token without consuming it, or null at the end. */
    public Token peek() {
        return atEnd() ? null : tokens.get(index);
    }

    /** The next token, whatever it is. */
    public Token next() throws ParseException {
        if (atEnd()) {
            throw new ParseException("Missing argument");
        }
        return tokens.get(index++);
    }

    /** Fails unless every argument has been read. */
    public void end() throws ParseException {
        if (!atEnd()) {
            throw new ParseException("Unexpected extra argument");
        }
    }

    /** Whether the next token is the atom {@code word} (any case); consumes it if so. */
    public boolean tryAtom(String word) {
        if (peek() instanceof Token.Atom a && a.text().equalsIgnoreCase(word)) {
            index++;
            return true;
        }
        return false;
    }

    /** The text of the next token if it is an atom, without consuming it; null otherwise. */
    public String peekAtom() {
        return peek() instanceof Token.Atom a ? a.text() : null;
    }

    public boolean nextIsList() {
        return peek() instanceof Token.ParenList;
    }

    /** An atom (ATOM-CHARs only), as written. */
    public String atom() throws ParseException {
        return bareWord(ImapChars::isAtomChar, "Expected an atom");
    }

    /** An atom, upper-cased: for keywords such as FLAGS, UID or a SEARCH key. */
    public String keyword() throws ParseException {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** An astring (atom of ASTRING-CHARs, quoted string or literal) decoded as UTF-8. */
    public String astring() throws ParseException {
        return utf8(astringBytes());
    }

    public byte[] astringBytes() throws ParseException {
        if (peek() instanceof Token.Atom) {
            return bareWord(ImapChars::isAstringChar, "Expected a string").getBytes(StandardCharsets.US_ASCII);
        }
        return stringBytes();
    }

    /** A string: quoted or literal, decoded as UTF-8. */
    public String string() throws ParseException {
        return utf8(stringBytes());
    }

    public byte[] stringBytes() throws ParseException {
        Token t = next();
        if (t instanceof Token.Quoted q) {
            return q.bytes();
        }
        if (t instanceof Token.Literal l) {
            return l.bytes();
        }
        index--;
        throw new ParseException("Expected a quoted string or literal");
    }

    /** An nstring: NIL (null) or a string. */
    public String nstring() throws ParseException {
        return tryAtom("NIL") ? null : string();
    }

    /** A literal only (APPEND's message), keeping whether it was binary. */
    public Token.Literal literal() throws ParseException {
        if (peek() instanceof Token.Literal l) {
            index++;
            return l;
        }
        throw new ParseException("Expected a literal");
    }

    /** A mailbox name: an astring, with INBOX in any case made INBOX (RFC 3501 section 5.1). */
    public String mailbox() throws ParseException {
        String name = astring();
        return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
    }

    /** A LIST/LSUB pattern: list-chars (including % and *) or a string. */
    public String listMailbox() throws ParseException {
        if (peek() instanceof Token.Atom) {
            return bareWord(ImapChars::isListChar, "Invalid mailbox pattern");
        }
        return string();
    }

    /** A number: 0 to 4294967295. */
    public long number() throws ParseException {
        String s = bareWord(ImapChars::isDigit, "Expected a number");
        if (s.length() > 10 || Long.parseLong(s) > SequenceSet.MAX_NUMBER) {
            index--;
            throw new ParseException("Number out of range");
        }
        return Long.parseLong(s);
    }

    /** A non-zero number. */
    public long nzNumber() throws ParseException {
        long n = number();
        if (n == 0) {
            index--;
            throw new ParseException("Expected a non-zero number");
        }
        return n;
    }

    public SequenceSet sequenceSet() throws ParseException {
        String s = bareWord(c -> ImapChars.isDigit(c) || c == ':' || c == ',' || c == '*',
                "Expected a sequence set");
        try {
            return SequenceSet.parse(s);
        } catch (ParseException e) {
            index--;
            throw e;
        }
    }

    /** A parenthesized list; the returned reader walks its items. */
    public ArgumentReader list() throws ParseException {
        if (peek() instanceof Token.ParenList l) {
            index++;
            return new ArgumentReader(l.items());
        }
        throw new ParseException("Expected a parenthesized list");
    }

    /** A flag: {@code \Seen} style system or extension flag, or a keyword atom. */
    public String flag() throws ParseException {
        String text = peekAtom();
        if (text != null && text.startsWith("\\")
                && (text.equals("\\*") || ImapChars.allMatch(text.substring(1), ImapChars::isAtomChar))) {
            index++;
            return text;
        }
        return bareWord(ImapChars::isAtomChar, "Invalid flag");
    }

    /** A parenthesized flag list (possibly empty). */
    public List<String> flagList() throws ParseException {
        ArgumentReader items = list();
        List<String> flags = new ArrayList<>();
        while (!items.atEnd()) {
            flags.add(items.flag());
        }
        return flags;
    }

    /** A FETCH attribute with a section, e.g. {@code BODY.PEEK[HEADER.FIELDS (Subject)]<0.512>}. */
    public SectionSpec section() throws ParseException {
        String text = peekAtom();
        if (text == null) {
            throw new ParseException("Expected a section");
        }
        SectionSpec spec = SectionSpec.parse(text);
        index++;
        return spec;
    }

    /** A quoted date-time (APPEND). */
    public OffsetDateTime dateTime() throws ParseException {
        if (!(peek() instanceof Token.Quoted q)) {
            throw new ParseException("Expected a quoted date-time");
        }
        OffsetDateTime t = ImapDates.parseDateTime(new String(q.bytes(), StandardCharsets.US_ASCII));
        index++;
        return t;
    }

    /** A SEARCH date, bare or quoted. */
    public LocalDate date() throws ParseException {
        Token t = peek();
        String text = t instanceof Token.Atom a ? a.text()
                : t instanceof Token.Quoted q ? new String(q.bytes(), StandardCharsets.US_ASCII) : null;
        if (text == null) {
            throw new ParseException("Expected a date");
        }
        LocalDate d = ImapDates.parseDate(text);
        index++;
        return d;
    }

    /** The next atom if all its characters pass {@code allowed}; consumed only then. */
    private String bareWord(java.util.function.IntPredicate allowed, String error) throws ParseException {
        String text = peekAtom();
        if (text == null) {
            throw new ParseException(atEnd() ? "Missing argument" : error);
        }
        if (!ImapChars.allMatch(text, allowed)) {
            throw new ParseException(error);
        }
        index++;
        return text;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
