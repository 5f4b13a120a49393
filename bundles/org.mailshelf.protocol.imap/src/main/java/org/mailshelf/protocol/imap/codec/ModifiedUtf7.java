package org.mailshelf.protocol.imap.codec;

/**
 * The modified UTF-7 of mailbox names (RFC 3501 section 5.1.3): printable US-ASCII stands for itself, "&" is
 * written "&-", everything else is UTF-16 in modified BASE64 ("," for "/", no padding) between "&" and "-".
 * Decoding is strict, so that every name has exactly one encoded form: it refuses raw non-ASCII, a shift
 * without "-", padding bits that are not zero or not the fewest possible, encoded printable ASCII, broken
 * surrogate pairs and two encoded runs back to back.
 */
public final class ModifiedUtf7 {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();

    private ModifiedUtf7() {
    }

    /** @throws IllegalArgumentException if {@code name} holds an unpaired surrogate */
    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (isPrintable(c)) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && !isPrintable(name.charAt(end))) {
                end++;
            }
            encodeRun(name, i, end, out);
            i = end;
        }
        return out.toString();
    }

    private static void encodeRun(String name, int from, int to, StringBuilder out) {
        out.append('&');
        int bits = 0;
        int bitCount = 0;
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < to
                    && Character.isLowSurrogate(name.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > from
                    && Character.isHighSurrogate(name.charAt(i - 1));
            if (Character.isSurrogate(c) && !pairedHigh && !pairedLow) {
                throw new IllegalArgumentException("unpaired surrogate in mailbox name");
            }
            bits = (bits << 16) | c;
            bitCount += 16;
            while (bitCount >= 6) {
                bitCount -= 6;
                out.append(ALPHABET[(bits >> bitCount) & 0x3f]);
            }
            bits &= (1 << bitCount) - 1;
        }
        if (bitCount > 0) {
            out.append(ALPHABET[(bits << (6 - bitCount)) & 0x3f]);
        }
        out.append('-');
    }

    public static String decode(String encoded) throws ParseException {
        StringBuilder out = new StringBuilder(encoded.length());
        int lastRunEnd = -1;
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (!isPrintable(c)) {
                throw new ParseException("Mailbox name is not in modified UTF-7");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int dash = encoded.indexOf('-', i + 1);
            if (dash < 0) {
                throw new ParseException("Unterminated modified UTF-7 in mailbox name");
            }
            if (dash == i + 1) {
                out.append('&');
            } else {
                if (lastRunEnd == i) {
                    throw new ParseException("Adjacent modified UTF-7 runs in mailbox name");
                }
                decodeRun(encoded, i + 1, dash, out);
                lastRunEnd = dash + 1;
            }
            i = dash + 1;
        }
        return out.toString();
    }

    private static void decodeRun(String s, int from, int to, StringBuilder out) throws ParseException {
        int bits = 0;
        int bitCount = 0;
        char pendingHigh = 0;
        for (int i = from; i < to; i++) {
            int v = valueOf(s.charAt(i));
            bits = (bits << 6) | v;
            bitCount += 6;
            if (bitCount >= 16) {
                bitCount -= 16;
                char c = (char) ((bits >> bitCount) & 0xffff);
                bits &= (1 << bitCount) - 1;
                if (isPrintable(c)) {
                    throw new ParseException("Modified UTF-7 encodes printable ASCII in mailbox name");
                }
                if (pendingHigh != 0 ? !Character.isLowSurrogate(c)
                        : Character.isLowSurrogate(c)) {
                    throw new ParseException("Invalid UTF-16 in mailbox name");
                }
                pendingHigh = Character.isHighSurrogate(c) ? c : 0;
                out.append(c);
            }
        }
        // the fewest characters leave fewer than 6 bits over, and those are zero
        if (bitCount >= 6 || bits != 0 || pendingHigh != 0) {
            throw new ParseException("Invalid modified UTF-7 in mailbox name");
        }
    }

    private static int valueOf(char c) throws ParseException {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == ',') {
            return 63;
        }
        throw new ParseException("Invalid modified BASE64 in mailbox name");
    }

    private static boolean isPrintable(char c) {
        return c >= 0x20 && c <= 0x7e;
    }
}
