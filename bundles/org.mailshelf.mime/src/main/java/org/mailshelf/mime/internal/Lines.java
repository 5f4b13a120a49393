package org.mailshelf.mime.internal;

/** Line scanning over a byte range; accepts CRLF and bare LF alike because stored mail may have either. */
final class Lines {

    private Lines() {
    }

    /** Index just past the LF that ends the line starting at {@code pos}, or {@code end} if the line is unterminated. */
    static int next(byte[] buf, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    /** Index of the line's content end: before a trailing LF or CRLF. */
    static int contentEnd(byte[] buf, int lineStart, int lineEnd) {
        int e = lineEnd;
        if (e > lineStart && buf[e - 1] == '\n') {
            e--;
            if (e > lineStart && buf[e - 1] == '\r') {
                e--;
            }
        }
        return e;
    }

    /** Number of LF octets in the range: the "lines" IMAP reports for text and message bodies. */
    static int count(byte[] buf, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    static boolean startsWith(byte[] buf, int pos, int end, byte[] prefix) {
        if (end - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
