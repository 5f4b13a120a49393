package org.mailshelf.protocol.imap.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SectionSpec;

/**
 * Parses what follows the sequence set of FETCH / UID FETCH (RFC 3501 section 6.4.5, RFC 7162 sections 3.1.4
 * and 3.2.6):
 *
 * <pre>
 * ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")") [SP "(" fetch-modifier ... ")"]
 * </pre>
 *
 * and then the end of the command. BINARY (RFC 3516) is not advertised and is refused.
 */
public final class FetchParser {

    private static final List<FetchItem> FAST = List.of(FetchAttribute.FLAGS, FetchAttribute.INTERNALDATE,
            FetchAttribute.RFC822_SIZE);
    private static final List<FetchItem> ALL = List.of(FetchAttribute.FLAGS, FetchAttribute.INTERNALDATE,
            FetchAttribute.RFC822_SIZE, FetchAttribute.ENVELOPE);
    private static final List<FetchItem> FULL = List.of(FetchAttribute.FLAGS, FetchAttribute.INTERNALDATE,
            FetchAttribute.RFC822_SIZE, FetchAttribute.ENVELOPE, FetchAttribute.BODY);

    private FetchParser() {
    }

    /**
     * Reads the fetch attributes and modifiers up to the end of the command; {@code uidCommand} for UID FETCH
     * (VANISHED is valid only there). Whether CONDSTORE / QRESYNC may be used is the session's to check.
     */
    public static FetchRequest parse(ArgumentReader r, boolean uidCommand) throws ParseException {
        Set<FetchItem> items = new LinkedHashSet<>();
        if (r.nextIsList()) {
            ArgumentReader list = r.list();
            if (list.atEnd()) {
                throw new ParseException("Empty FETCH attribute list");
            }
            while (!list.atEnd()) {
                items.add(item(list));
            }
        } else {
            String word = r.peekAtom();
            List<FetchItem> macro = word == null ? null : macro(word.toUpperCase(Locale.ROOT));
            if (macro != null) {
                r.next();
                items.addAll(macro);
            } else {
                items.add(item(r));
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        if (r.nextIsList()) {
            ArgumentReader modifiers = r.list();
            if (modifiers.atEnd()) {
                throw new ParseException("Empty FETCH modifier list");
            }
            while (!modifiers.atEnd()) {
                String name = modifiers.keyword();
                if (name.equals("CHANGEDSINCE") && changedSince < 0) {
                    changedSince = modSequence(modifiers);
                } else if (name.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else if (name.equals("CHANGEDSINCE") || name.equals("VANISHED")) {
                    throw new ParseException("Duplicate FETCH modifier " + name);
                } else {
                    throw new ParseException("Unknown FETCH modifier");
                }
            }
        }
        r.end();
        if (vanished && !uidCommand) {
            throw new ParseException("VANISHED is allowed with UID FETCH only");
        }
        if (vanished && changedSince < 0) {
            throw new ParseException("VANISHED requires CHANGEDSINCE");
        }
        return new FetchRequest(new ArrayList<>(items), changedSince, vanished);
    }

    private static List<FetchItem> macro(String word) {
        return switch (word) {
            case "ALL" -> ALL;
            case "FAST" -> FAST;
            case "FULL" -> FULL;
            default -> null;
        };
    }

    private static FetchItem item(ArgumentReader r) throws ParseException {
        String word = r.peekAtom();
        if (word == null) {
            throw new ParseException(r.atEnd() ? "Missing FETCH attribute" : "Invalid FETCH attribute");
        }
        if (word.indexOf('[') >= 0) {
            return section(r.section());
        }
        String name = word.toUpperCase(Locale.ROOT);
        FetchAttribute a = FetchAttribute.byName(name);
        if (a == null) {
            if (macro(name) != null) {
                throw new ParseException("FETCH macro " + name + " is not allowed in a list");
            }
            if (name.startsWith("BINARY")) {
                throw new ParseException("BINARY is not supported");
            }
            throw new ParseException("Unknown FETCH attribute");
        }
        r.next();
        return a;
    }

    private static BodySection section(SectionSpec s) throws ParseException {
        boolean peek = switch (s.attribute()) {
            case "BODY" -> false;
            case "BODY.PEEK" -> true;
            case "BINARY", "BINARY.PEEK", "BINARY.SIZE" -> throw new ParseException("BINARY is not supported");
            default -> throw new ParseException("Invalid FETCH attribute with a section");
        };
        BodySection.Kind kind = s.text() == null ? BodySection.Kind.CONTENT : switch (s.text()) {
            case "HEADER" -> BodySection.Kind.HEADER;
            case "HEADER.FIELDS" -> BodySection.Kind.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> BodySection.Kind.HEADER_FIELDS_NOT;
            case "TEXT" -> BodySection.Kind.TEXT;
            case "MIME" -> BodySection.Kind.MIME;
            default -> throw new ParseException("Invalid section");
        };
        for (String field : s.headerFields()) {
            if (field.isEmpty() || !printable(field) || field.indexOf(' ') >= 0 || field.indexOf(':') >= 0) {
                throw new ParseException("Invalid header field name in section");
            }
        }
        return new BodySection(peek, s.part(), kind, s.headerFields(), s.partialOffset(), s.partialLength());
    }

    private static long modSequence(ArgumentReader r) throws ParseException {
        String s = r.peekAtom();
        if (s == null || s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("Invalid CHANGEDSINCE mod-sequence");
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException("Invalid CHANGEDSINCE mod-sequence");
        }
        r.next();
        return n;
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
