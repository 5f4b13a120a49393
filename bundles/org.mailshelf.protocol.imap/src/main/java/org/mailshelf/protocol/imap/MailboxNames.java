package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.protocol.imap.codec.ModifiedUtf7;
import org.mailshelf.protocol.imap.codec.ParseException;

/**
 * Mailbox names between the wire and the store: the store keeps Unicode names with {@code /} as hierarchy
 * separator; the wire carries them in modified UTF-7 (RFC 3501 section 5.1.3). {@code INBOX} is
 * case-insensitive, also as the first level of a longer name.
 */
final class MailboxNames {

    static final char SEPARATOR = '/';

    private MailboxNames() {
    }

    /** The store's name for a name from the wire; a trailing separator is dropped. */
    static String fromWire(String wire) {
        String name;
        try {
            name = ModifiedUtf7.decode(wire);
        } catch (ParseException e) {
            throw ImapFailure.no("CANNOT", "Mailbox name is not valid modified UTF-7");
        }
        if (name.length() > 1 && name.charAt(name.length() - 1) == SEPARATOR) {
            name = name.substring(0, name.length() - 1);
        }
        return canonicalInbox(name);
    }

    /** Like {@link #fromWire}, and refuses names a mailbox cannot have: empty levels, control characters. */
    static String validFromWire(String wire) {
        String name = fromWire(wire);
        if (name.isEmpty() || name.charAt(0) == SEPARATOR || name.contains("//")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ImapFailure.no("CANNOT", "Invalid mailbox name");
        }
        return name;
    }

    static String toWire(String name) {
        return ModifiedUtf7.encode(name);
    }

    static String canonicalInbox(String name) {
        if (name.length() >= 5 && name.regionMatches(true, 0, MailboxInfo.INBOX, 0, 5)
                && (name.length() == 5 || name.charAt(5) == SEPARATOR)) {
            return MailboxInfo.INBOX + name.substring(5);
        }
        return name;
    }

    /** The ancestors of a name, outermost first: {@code a/b/c} gives {@code a}, {@code a/b}. */
    static List<String> parents(String name) {
        List<String> parents = new ArrayList<>();
        for (int i = name.indexOf(SEPARATOR); i > 0; i = name.indexOf(SEPARATOR, i + 1)) {
            parents.add(name.substring(0, i));
        }
        return parents;
    }

    static boolean isChild(String candidate, String parent) {
        return candidate.length() > parent.length() + 1 && candidate.startsWith(parent)
                && candidate.charAt(parent.length()) == SEPARATOR;
    }

    /**
     * A LIST pattern (RFC 3501 section 6.3.8): {@code *} matches anything, {@code %} anything but the
     * separator. Reference and pattern are simply joined, as the RFC's examples do.
     */
    static Pattern pattern(String reference, String wirePattern) {
        String full = canonicalInbox(fromWireLenient(reference) + fromWireLenient(wirePattern));
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            if (c == '*' || c == '%') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : "[^/]*");
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String fromWireLenient(String wire) {
        try {
            return ModifiedUtf7.decode(wire);
        } catch (ParseException e) {
            return wire;
        }
    }

    /** Sorts INBOX first, then by name. */
    static int compare(String a, String b) {
        boolean ia = a.equals(MailboxInfo.INBOX);
        boolean ib = b.equals(MailboxInfo.INBOX);
        return ia != ib ? (ia ? -1 : 1) : a.compareTo(b);
    }
}
