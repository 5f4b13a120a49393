package org.mailshelf.protocol.imap.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A FETCH attribute with a section, e.g. {@code BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.100>} (RFC 3501
 * section 6.4.5; also {@code BINARY[1]} of RFC 3516). Parsed from one atom token; which attribute may carry which
 * section is for the FETCH parser to check.
 *
 * @param attribute     the name before "[", upper-cased: BODY, BODY.PEEK, BINARY, BINARY.PEEK, BINARY.SIZE
 * @param part          the part numbers ({@code 1.2} is [1, 2]), empty for the whole message
 * @param text          HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or MIME (upper-cased), or null
 * @param headerFields  the field names of HEADER.FIELDS[.NOT] as given, else empty
 * @param partialOffset the origin octet of {@code <o.n>}, or -1 without a partial
 * @param partialLength the octet count of {@code <o.n>}, or -1 without a partial
 */
public record SectionSpec(String attribute, List<Integer> part, String text, List<String> headerFields,
        long partialOffset, long partialLength) {

    public SectionSpec {
        part = List.copyOf(part);
        headerFields = List.copyOf(headerFields);
    }

    public boolean hasPartial() {
        return partialOffset >= 0;
    }

    /**
     * The section as a FETCH response names it: {@code [1.2.HEADER.FIELDS (From To)]}, followed by
     * {@code <origin>} when partial; the attribute itself (BODY for BODY.PEEK) is the caller's.
     */
    public String responseSection() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < part.size(); i++) {
            b.append(i == 0 ? "" : ".").append(part.get(i));
        }
        if (text != null) {
            b.append(part.isEmpty() ? "" : ".").append(text);
        }
        if (!headerFields.isEmpty()) {
            b.append(" (").append(String.join(" ", headerFields)).append(')');
        }
        b.append(']');
        return hasPartial() ? b.append('<').append(partialOffset).append('>').toString() : b.toString();
    }

    static SectionSpec parse(String atom) throws ParseException {
        return new SectionParser(atom).parse();
    }

    /** Cursor over the atom's text. */
    private static final class SectionParser {
        private final String s;
        private int pos;

        SectionParser(String s) {
            this.s = s;
        }

        SectionSpec parse() throws ParseException {
            int open = s.indexOf('[');
            if (open <= 0 || !ImapChars.allMatch(s.substring(0, open), ImapChars::isAtomChar)) {
                throw new ParseException("Invalid section");
            }
            String attribute = s.substring(0, open).toUpperCase(Locale.ROOT);
            pos = open + 1;
            List<Integer> part = new ArrayList<>();
            String text = null;
            List<String> fields = new ArrayList<>();
            if (peek() != ']') {
                boolean textFollows = true;
                if (ImapChars.isDigit(peek())) {
                    part.add((int) number(true, Integer.MAX_VALUE));
                    while (peek() == '.' && ImapChars.isDigit(peekNext())) {
                        pos++;
                        part.add((int) number(true, Integer.MAX_VALUE));
                    }
                    textFollows = peek() == '.';
                    if (textFollows) {
                        pos++;
                    }
                }
                if (textFollows) {
                    text = word();
                    boolean fieldsWanted = text.equals("HEADER.FIELDS") || text.equals("HEADER.FIELDS.NOT");
                    boolean known = fieldsWanted || text.equals("HEADER") || text.equals("TEXT")
                            || (text.equals("MIME") && !part.isEmpty());
                    if (!known) {
                        throw new ParseException("Invalid section");
                    }
                    if (fieldsWanted) {
                        fields = headerList();
                    }
                }
            }
            expect(']');
            long offset = -1;
            long length = -1;
            if (pos < s.length()) {
                expect('<');
                offset = number(false, SequenceSet.MAX_NUMBER);
                expect('.');
                length = number(true, SequenceSet.MAX_NUMBER);
                expect('>');
                if (pos < s.length()) {
                    throw new ParseException("Invalid section");
                }
            }
            return new SectionSpec(attribute, part, text, fields, offset, length);
        }

        private List<String> headerList() throws ParseException {
            expect(' ');
            expect('(');
            List<String> fields = new ArrayList<>();
            do {
                fields.add(peek() == '"' ? quoted() : astring());
            } while (peek() == ' ' && ++pos > 0);
            expect(')');
            return fields;
        }

        private String astring() throws ParseException {
            int start = pos;
            while (pos < s.length() && ImapChars.isAstringChar(s.charAt(pos)) && s.charAt(pos) != ']') {
                pos++;
            }
            if (pos == start) {
                throw new ParseException("Invalid header field name in section");
            }
            return s.substring(start, pos);
        }

        private String quoted() throws ParseException {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    if (b.length() == 0) {
                        break;
                    }
                    return b.toString();
                }
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                b.append(c);
            }
            throw new ParseException("Invalid header field name in section");
        }

        /** An upper-cased run of letters and dots, e.g. HEADER.FIELDS.NOT. */
        private String word() throws ParseException {
            int start = pos;
            while (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos == start) {
                throw new ParseException("Invalid section");
            }
            return s.substring(start, pos).toUpperCase(Locale.ROOT);
        }

        private long number(boolean nonZero, long max) throws ParseException {
            int start = pos;
            while (pos < s.length() && ImapChars.isDigit(s.charAt(pos)) && pos - start < 11) {
                pos++;
            }
            if (pos == start) {
                throw new ParseException("Invalid number in section");
            }
            long n = Long.parseLong(s.substring(start, pos));
            if (n > max || (nonZero && n == 0) || (pos - start > 1 && s.charAt(start) == '0' && nonZero)) {
                throw new ParseException("Invalid number in section");
            }
            return n;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private char peekNext() {
            return pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
        }

        private void expect(char c) throws ParseException {
            if (peek() != c) {
                throw new ParseException("Invalid section");
            }
            pos++;
        }
    }
}
