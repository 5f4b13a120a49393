package org.mailshelf.protocol.imap.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a complete command into tag, name and tokens. The receiver hands it the command's lines with the
 * literal announcements cut off, and the literals: literal {@code i} stands at the end of line {@code i}.
 * Strict about separators (exactly one SP, none after "(" or before ")"), as RFC 3501 is.
 */
final class CommandLexer {

    private final List<byte[]> lines;
    private final List<Token.Literal> literals;
    private int lineIndex;
    private byte[] cur;
    private int pos;
    /** True in FETCH and UID FETCH, the only commands whose arguments have sections (see {@link #atom()}). */
    private boolean fetch;
    private boolean uid;

    private CommandLexer(List<byte[]> lines, List<Token.Literal> literals) {
        this.lines = lines;
        this.literals = literals;
        this.cur = lines.get(0);
    }

    static Command lex(List<byte[]> lines, List<Token.Literal> literals) throws ParseException {
        return new CommandLexer(lines, literals).command();
    }

    private Command command() throws ParseException {
        String tag = word(ImapChars::isTagChar, "Missing or invalid tag");
        if (!atLineEnd() && cur[pos] != ' ') {
            throw new ParseException("Invalid character in tag");
        }
        if (atLineEnd()) {
            throw new ParseException("Missing command name");
        }
        pos++;
        String name = word(ImapChars::isAtomChar, "Missing or invalid command name").toUpperCase(Locale.ROOT);
        List<Token> args = new ArrayList<>();
        fetch = name.equals("FETCH");
        uid = name.equals("UID");
        if (!atCommandEnd()) {
            if (atLineEnd() || cur[pos] != ' ') {
                throw new ParseException("Invalid character in command name");
            }
            pos++;
            sequence(args, false);
        }
        return new Command(tag, name, args);
    }

    private String word(java.util.function.IntPredicate allowed, String error) throws ParseException {
        int start = pos;
        while (!atLineEnd() && allowed.test(cur[pos])) {
            pos++;
        }
        if (pos == start) {
            throw new ParseException(error);
        }
        return new String(cur, start, pos - start, StandardCharsets.US_ASCII);
    }

    /** Tokens separated by single spaces, up to the end of the command or, in a list, its ")". */
    private void sequence(List<Token> out, boolean inList) throws ParseException {
        while (true) {
            Token t = token();
            out.add(t);
            if (uid && !inList && out.size() == 1 && t instanceof Token.Atom a && a.text().equalsIgnoreCase("FETCH")) {
                fetch = true;
            }
            if (atLineEnd()) {
                if (literalHere()) {
                    throw new ParseException("Missing space before literal");
                }
                if (inList) {
                    throw new ParseException("Missing ')'");
                }
                return;
            }
            byte c = cur[pos];
            if (c == ')') {
                if (!inList) {
                    throw new ParseException("Unexpected ')'");
                }
                pos++;
                return;
            }
            if (c != ' ') {
                throw new ParseException("Missing space between arguments");
            }
            pos++;
            if (atLineEnd() && !literalHere()) {
                throw new ParseException("Unexpected space at end of command");
            }
        }
    }

    private Token token() throws ParseException {
        if (atLineEnd()) {
            if (!literalHere()) {
                throw new ParseException("Missing argument");
            }
            Token.Literal literal = literals.get(lineIndex);
            cur = lines.get(++lineIndex);
            pos = 0;
            return literal;
        }
        byte c = cur[pos];
        switch (c) {
            case '(' -> {
                pos++;
                List<Token> items = new ArrayList<>();
                if (!atLineEnd() && cur[pos] == ')') {
                    pos++;
                } else {
                    sequence(items, true);
                }
                return new Token.ParenList(items);
            }
            case '"' -> {
                return quoted();
            }
            case ')' -> throw new ParseException("Unexpected ')'");
            case ' ' -> throw new ParseException("Unexpected space");
            default -> {
                return atom();
            }
        }
    }

    private Token.Quoted quoted() throws ParseException {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (atLineEnd()) {
                throw new ParseException("Unterminated quoted string");
            }
            byte c = cur[pos++];
            if (c == '"') {
                return new Token.Quoted(out.toByteArray());
            }
            if (c == '\\') {
                if (atLineEnd() || (cur[pos] != '"' && cur[pos] != '\\')) {
                    throw new ParseException("Invalid escape in quoted string");
                }
                c = cur[pos++];
            } else if (c == 0 || c == '\r') {
                throw new ParseException("Invalid character in quoted string");
            }
            // 8-bit bytes are taken as sent: clients put UTF-8 in quoted strings although RFC 3501 says 7-bit
            out.write(c);
        }
    }

    /**
     * A bare word. {@code [} is an ordinary ATOM-CHAR and {@code ]} may occur in astrings and list-mailboxes
     * ({@code [Gmail]/Sent}), so brackets mean nothing here, with one exception: in FETCH and UID FETCH a
     * {@code [} right after a section keyword (BODY, BODY.PEEK, BINARY, BINARY.PEEK, BINARY.SIZE) opens a section,
     * inside which spaces, parentheses and quotes belong to the word ({@code BODY[HEADER.FIELDS (A B)]<0.10>}).
     * Both conditions are needed: no other command has sections, so {@code SELECT body[x} is just a mailbox name,
     * and no other FETCH attribute has one. Whether the word suits its place (atom, astring, section) is for
     * {@link ArgumentReader} to say.
     */
    private Token.Atom atom() throws ParseException {
        int start = pos;
        int depth = 0;
        while (!atLineEnd()) {
            byte c = cur[pos];
            if (depth == 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            }
            if (c == '[' && (depth > 0 || opensSection(start))) {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if ((c < 0x20 || c >= 0x7f) || (depth == 0 && (c == '"' || c == '{'))) {
                throw new ParseException(c == '{' ? "Invalid literal" : "Invalid character in atom");
            }
            pos++;
        }
        if (depth > 0) {
            throw new ParseException("Missing ']'");
        }
        return new Token.Atom(new String(cur, start, pos - start, StandardCharsets.US_ASCII));
    }

    /** Whether a {@code [} at {@code pos}, in a word begun at {@code start}, opens a FETCH section. */
    private boolean opensSection(int start) {
        if (!fetch) {
            return false;
        }
        String word = new String(cur, start, pos - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "BODY", "BODY.PEEK", "BINARY", "BINARY.PEEK", "BINARY.SIZE" -> true;
            default -> false;
        };
    }

    private boolean atLineEnd() {
        return pos >= cur.length;
    }

    private boolean literalHere() {
        return lineIndex < literals.size();
    }

    private boolean atCommandEnd() {
        return atLineEnd() && !literalHere();
    }
}
