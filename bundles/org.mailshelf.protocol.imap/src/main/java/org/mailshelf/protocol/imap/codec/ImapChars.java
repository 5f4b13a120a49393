package org.mailshelf.protocol.imap.codec;

/** The character classes of the RFC 3501 grammar (section 9), for single bytes. */
final class ImapChars {

    private ImapChars() {
    }

    /** ATOM-CHAR: printable 7-bit except atom-specials ( ) { SP CTL % * " \ ]. */
    static boolean isAtomChar(int c) {
        if (c <= 0x20 || c >= 0x7f) {
            return false;
        }
        switch (c) {
            case '(', ')', '{', '%', '*', '"', '\\', ']':
                return false;
            default:
                return true;
        }
    }

    /** ASTRING-CHAR: ATOM-CHAR or resp-specials ("]"). */
    static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** Tag characters: any ASTRING-CHAR except "+". */
    static boolean isTagChar(int c) {
        return isAstringChar(c) && c != '+';
    }

    /** list-char: ATOM-CHAR, list-wildcards or resp-specials. */
    static boolean isListChar(int c) {
        return isAstringChar(c) || c == '%' || c == '*';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean allMatch(String s, java.util.function.IntPredicate p) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!p.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
