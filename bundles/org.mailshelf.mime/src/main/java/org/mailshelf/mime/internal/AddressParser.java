package org.mailshelf.mime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Lenient RFC 5322 address-list parser for ENVELOPE. Works on raw header octets (one char per byte) and never
 * fails: whatever it cannot place becomes a mailbox with Dovecot's MISSING_MAILBOX / MISSING_DOMAIN fillers,
 * so clients always see well-formed address structures. Encoded words in display names are kept as they are, as
 * IMAP requires.
 */
public final class AddressParser {

    static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";

    private enum Kind { WORD, SPECIAL, COMMENT }

    /** A lexical token; {@code spaceBefore} lets phrases keep their original word spacing. */
    private record Token(Kind kind, String text, boolean spaceBefore) {
        boolean is(char special) {
            return kind == Kind.SPECIAL && text.charAt(0) == special;
        }
    }

    private final List<Token> tokens;
    private int pos;

    private AddressParser(String value) {
        this.tokens = tokenize(value);
    }

    /** Whether {@code mailbox} is the filler for a missing local part. */
    public static boolean isMissingMailbox(String mailbox) {
        return MISSING_MAILBOX.equals(mailbox);
    }

    /** Whether {@code host} is the filler for a missing domain. */
    public static boolean isMissingDomain(String host) {
        return MISSING_DOMAIN.equals(host);
    }

    public static List<Address> parse(String value) {
        return value == null ? List.of() : new AddressParser(value).addressList();
    }

    private List<Address> addressList() {
        List<Address> result = new ArrayList<>();
        boolean inGroup = false;
        while (pos < tokens.size()) {
            List<Token> phrase = new ArrayList<>();
            String comment = null;
            while (pos < tokens.size() && !isDelimiter(tokens.get(pos))) {
                Token t = tokens.get(pos++);
                if (t.kind() == Kind.COMMENT) {
                    comment = t.text();
                } else {
                    phrase.add(t);
                }
            }
            Token stop = pos < tokens.size() ? tokens.get(pos) : null;
            if (stop != null && stop.is(':') && !inGroup) {
                pos++;
                result.add(Address.groupStart(join(phrase, true)));
                inGroup = true;
                continue;
            }
            if (stop != null && stop.is('<')) {
                pos++;
                result.add(angleAddress(emptyToNull(join(phrase, true))));
                skipTo(',', ';');
            } else if (stop != null && stop.is(':')) {
                pos++;   // a nested group is not allowed; read on as if the colon were not there
                continue;
            } else if (!phrase.isEmpty()) {
                result.add(addrSpec(phrase, comment));
            }
            if (pos < tokens.size()) {
                Token t = tokens.get(pos++);
                if (t.is(';') && inGroup) {
                    result.add(Address.groupEnd());
                    inGroup = false;
                }
            }
        }
        if (inGroup) {
            result.add(Address.groupEnd());
        }
        return result;
    }

    private static boolean isDelimiter(Token t) {
        return t.is('<') || t.is(',') || t.is(';') || t.is(':');
    }

    /** Reads "[@route,@route:]local@domain>" after the "<". */
    private Address angleAddress(String name) {
        List<Token> inside = new ArrayList<>();
        while (pos < tokens.size() && !tokens.get(pos).is('>')) {
            Token t = tokens.get(pos++);
            if (t.kind() != Kind.COMMENT) {
                inside.add(t);
            }
        }
        if (pos < tokens.size()) {
            pos++;
        }
        String route = null;
        if (!inside.isEmpty() && inside.get(0).is('@')) {
            int colon = indexOf(inside, ':');
            if (colon > 0) {
                route = join(inside.subList(0, colon), false);
                inside = inside.subList(colon + 1, inside.size());
            }
        }
        Address spec = addrSpec(inside, null);
        return new Address(name, route, spec.mailbox(), spec.host());
    }

    private static Address addrSpec(List<Token> spec, String comment) {
        int at = lastIndexOf(spec, '@');
        String mailbox;
        String host;
        if (at < 0) {
            mailbox = join(spec, true);
            host = null;
        } else {
            mailbox = join(spec.subList(0, at), false);
            host = join(spec.subList(at + 1, spec.size()), false);
        }
        return new Address(emptyToNull(comment), null, mailbox.isEmpty() ? MISSING_MAILBOX : mailbox,
                host == null || host.isEmpty() ? MISSING_DOMAIN : host);
    }

    private void skipTo(char a, char b) {
        while (pos < tokens.size() && !tokens.get(pos).is(a) && !tokens.get(pos).is(b)) {
            pos++;
        }
    }

    private static int indexOf(List<Token> list, char special) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).is(special)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<Token> list, char special) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).is(special)) {
                return i;
            }
        }
        return -1;
    }

    private static String join(List<Token> list, boolean keepSpaces) {
        StringBuilder sb = new StringBuilder();
        for (Token t : list) {
            if (keepSpaces && t.spaceBefore() && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        boolean space = false;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = true;
                i++;
                continue;
            }
            StringBuilder sb = new StringBuilder();
            Kind kind = Kind.WORD;
            if (c == '"') {
                i = quoted(s, i + 1, sb);
            } else if (c == '(') {
                kind = Kind.COMMENT;
                i = comment(s, i + 1, sb);
            } else if ("<>@,;:.".indexOf(c) >= 0) {
                kind = Kind.SPECIAL;
                sb.append(c);
                i++;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                sb.append(s, i, end);
                i = end;
            } else {
                while (i < n && !isAtomEnd(s.charAt(i))) {
                    sb.append(s.charAt(i++));
                }
            }
            out.add(new Token(kind, kind == Kind.COMMENT ? sb.toString().strip() : sb.toString(), space));
            space = false;
        }
        return out;
    }

    private static boolean isAtomEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '(' || c == '['
                || "<>@,;:.".indexOf(c) >= 0;
    }

    /** Reads a quoted string body after the opening quote; returns the index after the closing quote. */
    private static int quoted(String s, int i, StringBuilder sb) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < s.length()) {
                c = s.charAt(i++);
            }
            sb.append(c);
        }
        return i;
    }

    /** Reads a (possibly nested) comment after the opening parenthesis. */
    private static int comment(String s, int i, StringBuilder sb) {
        int depth = 1;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) {
                sb.append(s.charAt(i++));
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            sb.append(c);
        }
        return i;
    }
}
