package org.mailshelf.mime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header block into fields, recording where it ends. Lenient like Dovecot: the header runs to the first
 * empty line (or to the end of the entity when there is none); lines that are neither a field nor a continuation
 * are skipped rather than ending the header.
 */
final class HeaderParser {

    /** Beyond this many fields per entity the rest are still skipped over but not kept (memory bound). */
    static final int MAX_FIELDS = 10_000;

    record Result(List<HeaderField> fields, int end) {
    }

    private HeaderParser() {
    }

    static Result parse(byte[] buf, int start, int end) {
        List<HeaderField> fields = new ArrayList<>();
        int pos = start;
        int nameStart = -1;
        int nameEnd = -1;
        int valueStart = -1;
        int valueEnd = -1;
        while (pos < end) {
            int lineEnd = Lines.next(buf, pos, end);
            int contentEnd = Lines.contentEnd(buf, pos, lineEnd);
            if (contentEnd == pos && lineEnd > pos && buf[lineEnd - 1] == '\n') {
                addField(fields, buf, nameStart, nameEnd, valueStart, valueEnd);
                return new Result(fields, lineEnd);
            }
            byte first = buf[pos];
            if ((first == ' ' || first == '\t') && nameStart >= 0) {
                valueEnd = contentEnd;
            } else {
                addField(fields, buf, nameStart, nameEnd, valueStart, valueEnd);
                nameStart = -1;
                int colon = indexOf(buf, pos, contentEnd, (byte) ':');
                if (colon > pos) {
                    nameStart = pos;
                    nameEnd = colon;
                    valueStart = colon + 1;
                    valueEnd = contentEnd;
                }
            }
            pos = lineEnd;
        }
        addField(fields, buf, nameStart, nameEnd, valueStart, valueEnd);
        return new Result(fields, end);
    }

    private static void addField(List<HeaderField> fields, byte[] buf, int nameStart, int nameEnd, int valueStart,
            int valueEnd) {
        if (nameStart < 0 || fields.size() >= MAX_FIELDS) {
            return;
        }
        while (nameEnd > nameStart && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        if (nameEnd == nameStart) {
            return;
        }
        fields.add(new HeaderField(latin1(buf, nameStart, nameEnd, false), latin1(buf, valueStart, valueEnd, true)));
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes as ISO-8859-1 chars; for values, drops CR/LF (unfolding) and trims surrounding whitespace. */
    private static String latin1(byte[] buf, int from, int to, boolean unfold) {
        StringBuilder sb = new StringBuilder(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (unfold && (b == '\r' || b == '\n')) {
                continue;
            }
            sb.append((char) (b & 0xff));
        }
        return unfold ? trimWsp(sb) : sb.toString();
    }

    private static String trimWsp(StringBuilder sb) {
        int from = 0;
        int to = sb.length();
        while (from < to && isWsp(sb.charAt(from))) {
            from++;
        }
        while (to > from && isWsp(sb.charAt(to - 1))) {
            to--;
        }
        return sb.substring(from, to);
    }

    private static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }
}
