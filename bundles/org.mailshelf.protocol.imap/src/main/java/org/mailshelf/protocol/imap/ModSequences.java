package org.mailshelf.protocol.imap;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * Reads an RFC 7162 mod-sequence argument: up to 63 bits, more than {@link ArgumentReader#number()} allows.
 * Zero is accepted everywhere (mod-sequence-valzer): for UNCHANGEDSINCE it is valid and always fails the test,
 * for QRESYNC it simply means "since the beginning".
 */
final class ModSequences {

    private ModSequences() {
    }

    static long read(ArgumentReader args, String what) throws ParseException {
        String s = args.peekAtom();
        if (s == null || s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("Invalid " + what + " mod-sequence");
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException("Invalid " + what + " mod-sequence");
        }
        args.next();
        return n;
    }
}
