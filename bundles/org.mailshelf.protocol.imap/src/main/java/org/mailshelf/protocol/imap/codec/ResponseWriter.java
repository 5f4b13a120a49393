package org.mailshelf.protocol.imap.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one response into one byte array, so that it goes out in one write. Elements are separated by single
 * spaces automatically (none after "(" or "["); strings take the lightest form the grammar allows:
 *
 * <pre>{@code
 * byte[] r = ResponseWriter.untagged().number(12).atom("FETCH").beginList()
 *         .atom("FLAGS").flags(List.of("\\Seen")).atom("UID").number(42).endList().toBytes();
 * // "* 12 FETCH (FLAGS (\Seen) UID 42)\r\n"
 * }</pre>
 *
 * Not thread-safe; one per response.
 */
public final class ResponseWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    private boolean spaceNeeded;

    private ResponseWriter(String prefix) {
        ascii(prefix);
    }

    /** Starts {@code "* "}. */
    public static ResponseWriter untagged() {
        return new ResponseWriter("* ");
    }

    /** Starts {@code "tag "}. */
    public static ResponseWriter tagged(String tag) {
        if (!ImapChars.allMatch(tag, ImapChars::isTagChar)) {
            throw new IllegalArgumentException("invalid tag");
        }
        return new ResponseWriter(tag + " ");
    }

    /** Starts {@code "+ "}. */
    public static ResponseWriter continuation() {
        return new ResponseWriter("+ ");
    }

    /**
     * A complete status response: {@code tag OK [CODE] text}; {@code tag} null makes it untagged, {@code code}
     * null leaves the response code out. The code is written as given, e.g. {@code "UIDNEXT 4392"}.
     */
    public static byte[] status(String tag, Status status, String code, String text) {
        ResponseWriter w = tag == null ? untagged() : tagged(tag);
        w.atom(status.name());
        if (code != null) {
            w.code(code);
        }
        return w.text(text).toBytes();
    }

    /** A complete continuation request: {@code + text}. */
    public static byte[] continuationRequest(String text) {
        return continuation().text(text).toBytes();
    }

    /** An atom or any other bare element written as is (a flag, a section, a keyword); 7-bit, no SP. */
    public ResponseWriter atom(String atom) {
        if (!ImapChars.allMatch(atom, c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("not a bare element");
        }
        separate();
        ascii(atom);
        return this;
    }

    /**
     * A bare element that may contain spaces, written as is: a FETCH section such as
     * {@code BODY[HEADER.FIELDS (SUBJECT)]}. 7-bit printable only; whatever came from the client must have been
     * checked by the caller.
     */
    public ResponseWriter raw(String element) {
        if (!ImapChars.allMatch(element, c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("not a printable element");
        }
        separate();
        ascii(element);
        return this;
    }

    public ResponseWriter number(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number");
        }
        return atom(Long.toString(n));
    }

    /** NIL. */
    public ResponseWriter nil() {
        return atom("NIL");
    }

    /** An astring: atom when it is one (and not NIL), else quoted, else literal. */
    public ResponseWriter astring(String s) {
        return astring(utf8(s));
    }

    public ResponseWriter astring(byte[] s) {
        if (StringForm.isAstringAtom(s)) {
            separate();
            out.writeBytes(s);
            return this;
        }
        return string(s);
    }

    /** A string: quoted when 7-bit without CR, LF or NUL, else literal. */
    public ResponseWriter string(String s) {
        return string(utf8(s));
    }

    public ResponseWriter string(byte[] s) {
        separate();
        if (StringForm.isQuotable(s)) {
            StringForm.writeQuoted(s, out);
        } else {
            StringForm.writeLiteral(s, out);
        }
        return this;
    }

    /** A literal whatever the content: for message data. */
    public ResponseWriter literal(byte[] s) {
        separate();
        StringForm.writeLiteral(s, out);
        return this;
    }

    /** An nstring: NIL for null, else a string. */
    public ResponseWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    public ResponseWriter nstring(byte[] s) {
        return s == null ? nil() : string(s);
    }

    public ResponseWriter beginList() {
        separate();
        out.write('(');
        spaceNeeded = false;
        return this;
    }

    public ResponseWriter endList() {
        out.write(')');
        spaceNeeded = true;
        return this;
    }

    /** A flag list: {@code (\Seen $Forwarded)}; the flags are written as given. */
    public ResponseWriter flags(Iterable<String> flags) {
        beginList();
        for (String flag : flags) {
            atom(flag);
        }
        return endList();
    }

    /** A simple response code written as given: {@code [READ-WRITE]}, {@code [UIDNEXT 4392]}. */
    public ResponseWriter code(String code) {
        if (code.indexOf(']') >= 0 || !ImapChars.allMatch(code, c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("invalid response code");
        }
        separate();
        out.write('[');
        ascii(code);
        out.write(']');
        spaceNeeded = true;
        return this;
    }

    /** Opens a response code to be filled with elements: {@code [PERMANENTFLAGS (...)]}. */
    public ResponseWriter beginCode(String name) {
        separate();
        out.write('[');
        spaceNeeded = false;
        return atom(name);
    }

    public ResponseWriter endCode() {
        out.write(']');
        spaceNeeded = true;
        return this;
    }

    /**
     * Human-readable text, the rest of the line. Line breaks become spaces and non-ASCII becomes "?", since
     * text is 7-bit and a line break would let it forge a response.
     */
    public ResponseWriter text(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        separate();
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c == '\r' || c == '\n' ? ' ' : c < 0x20 || c >= 0x7f ? '?' : c);
        }
        ascii(b.toString());
        return this;
    }

    /** Ends the response with CRLF and returns it. */
    public byte[] toBytes() {
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    private void separate() {
        if (spaceNeeded) {
            out.write(' ');
        }
        spaceNeeded = true;
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
