package org.mailshelf.protocol.imap.search;

import java.text.Normalizer;

/**
 * Case-insensitive comparison for SEARCH strings: NFC normalization, then each code point mapped to the lower
 * case of its upper case (locale-independent, like {@code Locale.ROOT}, and context-free so that a final sigma
 * matches a medial one). Close to Dovecot's i;unicode-casemap without its title-case decomposition.
 */
final class Fold {

    private Fold() {
    }

    static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return asciiLower(s);
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return b.toString();
    }

    /** Whether {@code haystack} contains {@code needle}, both unfolded; an empty needle is always contained. */
    static boolean contains(String haystack, String needle) {
        return fold(haystack).contains(fold(needle));
    }

    /**
     * Header unfolding (RFC 5322 section 2.2.3): a line break followed by white space is removed; other line
     * breaks (between fields) become a plain LF.
     */
    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replaceAll("\r?\n(?=[ \t])", "").replaceAll("\r?\n|\r", "\n");
    }

    private static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] += 'a' - 'A';
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
