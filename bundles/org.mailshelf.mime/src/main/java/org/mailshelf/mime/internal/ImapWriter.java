package org.mailshelf.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes IMAP protocol data (RFC 3501 section 4 and 9): NIL, numbers, parenthesised lists, and strings as quoted
 * strings when they are short 7-bit text, otherwise as literals. Input strings carry one octet per char
 * (ISO-8859-1) so 8-bit header bytes reach the client unchanged. NUL may not appear in a literal (CHAR8), so it is
 * dropped; CR and LF are dropped too because every string written here is an unfolded header value.
 */
public final class ImapWriter {

    /** Longer quoted strings are legal but clients handle long lines badly; Dovecot switches to literals too. */
    private static final int MAX_QUOTED = 1024;

    private byte[] out = new byte[256];
    private int len;
    private boolean needSpace;

    public ImapWriter open() {
        separate();
        put((byte) '(');
        needSpace = false;
        return this;
    }

    public ImapWriter close() {
        put((byte) ')');
        needSpace = true;
        return this;
    }

    /** Starts the next element without the usual separating space (multipart bodies are written back to back). */
    public ImapWriter noSpace() {
        needSpace = false;
        return this;
    }

    public ImapWriter nil() {
        return atom("NIL");
    }

    public ImapWriter number(long n) {
        return atom(Long.toString(n));
    }

    public ImapWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    public ImapWriter string(String s) {
        separate();
        String clean = clean(s);
        if (isQuotable(clean)) {
            put((byte) '"');
            for (int i = 0; i < clean.length(); i++) {
                char c = clean.charAt(i);
                if (c == '"' || c == '\\') {
                    put((byte) '\\');
                }
                put((byte) c);
            }
            put((byte) '"');
        } else {
            byte[] bytes = clean.getBytes(StandardCharsets.ISO_8859_1);
            putAscii("{" + bytes.length + "}\r\n");
            for (byte b : bytes) {
                put(b);
            }
        }
        needSpace = true;
        return this;
    }

    /** Appends already encoded IMAP data (e.g. a nested envelope) as one element. */
    public ImapWriter raw(byte[] data) {
        separate();
        for (byte b : data) {
            put(b);
        }
        needSpace = true;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(out, len);
    }

    private ImapWriter atom(String atom) {
        separate();
        putAscii(atom);
        needSpace = true;
        return this;
    }

    private static String clean(String s) {
        if (s.indexOf('\0') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\0' && c != '\r' && c != '\n') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isQuotable(String s) {
        if (s.length() > MAX_QUOTED) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void separate() {
        if (needSpace) {
            put((byte) ' ');
        }
    }

    private void putAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    private void put(byte b) {
        if (len == out.length) {
            out = Arrays.copyOf(out, len * 2);
        }
        out[len++] = b;
    }
}
