package org.mailshelf.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body parts of a multipart body (RFC 2046 5.1.1). A delimiter is a line starting with "--boundary"
 * (prefix match, as Dovecot does); the line break before it belongs to the delimiter, not to the part. A missing
 * close delimiter lets the last part run to the end of the body.
 */
final class MultipartSplitter {

    /** Beyond this many parts the remainder is left inside the last part (memory bound on hostile input). */
    static final int MAX_PARTS = 10_000;

    record Range(int start, int end) {
    }

    private MultipartSplitter() {
    }

    static List<Range> split(byte[] buf, int start, int end, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Range> parts = new ArrayList<>();
        int partStart = -1;
        int pos = start;
        while (pos < end) {
            int lineEnd = Lines.next(buf, pos, end);
            if (Lines.startsWith(buf, pos, end, delimiter)) {
                if (partStart >= 0) {
                    if (parts.size() == MAX_PARTS - 1) {
                        break;
                    }
                    parts.add(new Range(partStart, lineBreakBefore(buf, pos, partStart)));
                }
                int after = pos + delimiter.length;
                if (after + 1 < end && buf[after] == '-' && buf[after + 1] == '-') {
                    return parts;
                }
                partStart = lineEnd;
            }
            pos = lineEnd;
        }
        if (partStart >= 0) {
            parts.add(new Range(partStart, end));
        }
        return parts;
    }

    /** Start of the CRLF (or LF) ending the previous line, not reaching back before {@code min}. */
    private static int lineBreakBefore(byte[] buf, int pos, int min) {
        int p = pos;
        if (p - 1 >= min && buf[p - 1] == '\n') {
            p--;
            if (p - 1 >= min && buf[p - 1] == '\r') {
                p--;
            }
        }
        return p;
    }
}
