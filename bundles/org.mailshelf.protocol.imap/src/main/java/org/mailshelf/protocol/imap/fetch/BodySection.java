package org.mailshelf.protocol.imap.fetch;

import java.util.List;
import java.util.Locale;

/**
 * {@code BODY[section]<partial>} or {@code BODY.PEEK[...]}: which bytes of the message to send.
 *
 * @param peek          BODY.PEEK: does not set \Seen
 * @param part          the part numbers ({@code 1.2} is [1, 2]); empty for the message itself
 * @param kind          which bytes of that part
 * @param fields        the field names of HEADER.FIELDS[.NOT], upper-cased (as Dovecot echoes them); else empty
 * @param partialOffset the origin octet of {@code <o.n>}, or -1 without a partial
 * @param partialLength the octet count of {@code <o.n>}, or -1 without a partial
 */
public record BodySection(boolean peek, List<Integer> part, Kind kind, List<String> fields, long partialOffset,
        long partialLength) implements FetchItem {

    /** The section-text of RFC 3501, or {@link #CONTENT} when the section names only a part (or nothing). */
    public enum Kind {
        /** {@code []}: the whole message; {@code [1.2]}: the body of part 1.2. */
        CONTENT(null),
        HEADER("HEADER"),
        HEADER_FIELDS("HEADER.FIELDS"),
        HEADER_FIELDS_NOT("HEADER.FIELDS.NOT"),
        TEXT("TEXT"),
        /** The MIME header of a part; never for the message itself. */
        MIME("MIME");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** As written in a section, null for CONTENT. */
        public String text() {
            return text;
        }
    }

    public BodySection {
        part = List.copyOf(part);
        fields = fields.stream().map(f -> f.toUpperCase(Locale.ROOT)).toList();
        if ((kind == Kind.HEADER_FIELDS || kind == Kind.HEADER_FIELDS_NOT) == fields.isEmpty()) {
            throw new IllegalArgumentException("header fields go with HEADER.FIELDS[.NOT] only");
        }
        if (kind == Kind.MIME && part.isEmpty()) {
            throw new IllegalArgumentException("MIME needs a part");
        }
    }

    public boolean hasPartial() {
        return partialOffset >= 0;
    }

    /** The part path as {@code MessageStructure.part} takes it: "" or "1.2". */
    public String path() {
        StringBuilder b = new StringBuilder();
        for (int n : part) {
            b.append(b.length() == 0 ? "" : ".").append(n);
        }
        return b.toString();
    }

    /** Whether the bytes come from the message's header or MIME offsets, or the HEADER.FIELDS filter. */
    public boolean needsStructure() {
        return !(part.isEmpty() && kind == Kind.CONTENT);
    }

    /**
     * {@code BODY[1.HEADER.FIELDS (SUBJECT "X Y")]<0>}: BODY even for BODY.PEEK, field names upper-cased and
     * written as atoms where they can be, the partial's origin only (RFC 3501 section 7.4.2).
     */
    @Override
    public String responseName() {
        StringBuilder b = new StringBuilder("BODY[").append(path());
        if (kind.text() != null) {
            b.append(part.isEmpty() ? "" : ".").append(kind.text());
        }
        if (!fields.isEmpty()) {
            b.append(" (");
            for (int i = 0; i < fields.size(); i++) {
                b.append(i == 0 ? "" : " ");
                appendFieldName(b, fields.get(i));
            }
            b.append(')');
        }
        b.append(']');
        if (hasPartial()) {
            b.append('<').append(partialOffset).append('>');
        }
        return b.toString();
    }

    private static void appendFieldName(StringBuilder b, String name) {
        boolean atom = true;
        for (int i = 0; i < name.length(); i++) {
            atom &= isAtomChar(name.charAt(i));
        }
        if (atom) {
            b.append(name);
            return;
        }
        b.append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c == '"' || c == '\\' ? "\\" : "").append(c);
        }
        b.append('"');
    }

    /** ATOM-CHAR (which also keeps "]" out, so the section's end stays unambiguous). */
    static boolean isAtomChar(char c) {
        return c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
    }
}
