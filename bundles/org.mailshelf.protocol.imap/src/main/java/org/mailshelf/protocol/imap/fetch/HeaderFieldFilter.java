package org.mailshelf.protocol.imap.fetch;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * HEADER.FIELDS and HEADER.FIELDS.NOT (RFC 3501 section 6.4.5): the fields of a header whose names are (or are
 * not) in a list, compared without regard to case, in message order, each with its continuation lines, followed
 * by the empty line. A line without a colon counts as a field named by the whole line (so only .NOT keeps it),
 * as Dovecot's header parser does.
 */
final class HeaderFieldFilter {

    private HeaderFieldFilter() {
    }

    /**
     * @param message    the message bytes
     * @param start      where the header starts
     * @param end        where it ends (after its empty line, if it has one)
     * @param upperNames the field names, upper-cased
     * @param include    true for HEADER.FIELDS, false for HEADER.FIELDS.NOT
     */
    static byte[] filter(byte[] message, int start, int end, List<String> upperNames, boolean include) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean keeping = false;
        boolean lastHadLineEnd = true;
        int pos = start;
        while (pos < end) {
            int lineEnd = lineEnd(message, pos, end);
            if (isEmptyLine(message, pos, lineEnd)) {
                break;
            }
            byte first = message[pos];
            if (!(first == ' ' || first == '\t') || pos == start) {
                keeping = upperNames.contains(fieldName(message, pos, lineEnd)) == include;
            }
            if (keeping) {
                out.write(message, pos, lineEnd - pos);
                lastHadLineEnd = message[lineEnd - 1] == '\n';
            }
            pos = lineEnd;
        }
        if (!lastHadLineEnd) {
            out.write('\r');
            out.write('\n');
        }
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    /** The index after the line's LF, or {@code end}. */
    private static int lineEnd(byte[] m, int pos, int end) {
        while (pos < end && m[pos] != '\n') {
            pos++;
        }
        return pos < end ? pos + 1 : end;
    }

    private static boolean isEmptyLine(byte[] m, int pos, int lineEnd) {
        int length = lineEnd - pos;
        return (length == 1 && m[pos] == '\n') || (length == 2 && m[pos] == '\r' && m[pos + 1] == '\n');
    }

    /** The name before the colon (white space before it dropped), upper-cased; the whole line if no colon. */
    private static String fieldName(byte[] m, int pos, int lineEnd) {
        int stop = pos;
        while (stop < lineEnd && m[stop] != ':') {
            stop++;
        }
        int nameEnd = stop;
        if (stop == lineEnd) {
            while (nameEnd > pos && (m[nameEnd - 1] == '\n' || m[nameEnd - 1] == '\r')) {
                nameEnd--;
            }
        } else {
            while (nameEnd > pos && (m[nameEnd - 1] == ' ' || m[nameEnd - 1] == '\t')) {
                nameEnd--;
            }
        }
        StringBuilder b = new StringBuilder(nameEnd - pos);
        for (int i = pos; i < nameEnd; i++) {
            int c = m[i] & 0xff;
            b.append((char) (c >= 'a' && c <= 'z' ? c - 32 : c));
        }
        return b.toString();
    }
}
