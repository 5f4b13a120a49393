package org.mailshelf.protocol.imap.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Chooses and writes the form of a string in a response: atom, quoted or literal (RFC 3501 section 4.3). */
final class StringForm {

    private StringForm() {
    }

    /** Whether it can go as an astring's atom: ASTRING-CHARs only, and not NIL, which a client could misread. */
    static boolean isAstringAtom(byte[] s) {
        if (s.length == 0 || (s.length == 3 && new String(s, StandardCharsets.US_ASCII).equalsIgnoreCase("NIL"))) {
            return false;
        }
        for (byte b : s) {
            if (!ImapChars.isAstringChar(b)) {
                return false;
            }
        }
        return true;
    }

    /** Quoted strings carry 7-bit text only: no 8-bit, no CR or LF, no NUL. */
    static boolean isQuotable(byte[] s) {
        for (byte b : s) {
            if (b <= 0 || b == '\r' || b == '\n') {
                return false;
            }
        }
        return true;
    }

    static void writeQuoted(byte[] s, ByteArrayOutputStream out) {
        out.write('"');
        for (byte b : s) {
            if (b == '"' || b == '\\') {
                out.write('\\');
            }
            out.write(b);
        }
        out.write('"');
    }

    static void writeLiteral(byte[] s, ByteArrayOutputStream out) {
        out.writeBytes(("{" + s.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(s);
    }
}
