package org.mailshelf.mime;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.mailshelf.mime.internal.Address;
import org.mailshelf.mime.internal.AddressParser;
import org.mailshelf.mime.internal.BodyStructureWriter;
import org.mailshelf.mime.internal.ContentInfo;
import org.mailshelf.mime.internal.DateParser;
import org.mailshelf.mime.internal.Entity;
import org.mailshelf.mime.internal.EntityParser;
import org.mailshelf.mime.internal.EnvelopeWriter;
import org.mailshelf.mime.internal.HeaderDecoder;
import org.mailshelf.mime.internal.HeaderField;

/**
 * Analyses a message once, at delivery, into a {@link MessageStructure}. Stateless and thread-safe. It accepts
 * any bytes: malformed MIME yields a structure that is still consistent with the bytes, never an exception.
 */
public final class MessageAnalyzer {

    /** Top-level fields kept for SEARCH; beyond this a message is hostile or broken, not worth indexing fully. */
    static final int MAX_SEARCH_FIELDS = 1000;
    /** Longest decoded value kept for SEARCH, in chars (long References headers fit comfortably). */
    static final int MAX_SEARCH_VALUE = 65_536;
    /** Most addresses kept for SEARCH, over all address fields. */
    static final int MAX_SEARCH_ADDRESSES = 1000;

    private MessageAnalyzer() {
    }

    public static MessageStructure analyze(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            return analyzeEntities(message);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours must not lose a delivery: describe the message as one opaque text part instead
            return opaque(message);
        }
    }

    /** The analysis without the safety net; tests call it so a bug cannot hide behind the opaque fallback. */
    static MessageStructure analyzeEntities(byte[] message) {
        Entity root = EntityParser.parse(message);
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("", part(root, ""));
        addPartsOfMessage(root, "", parts);
        ZonedDateTime date = DateParser.parse(ContentInfo.first(root.fields(), "Date")).orElse(null);
        return new MessageStructure(EnvelopeWriter.write(root.fields()),
                BodyStructureWriter.write(message, root, true), BodyStructureWriter.write(message, root, false),
                parts, searchFields(root.fields()), date, searchAddresses(root.fields()));
    }

    /**
     * RFC 3501 6.4.5 numbering inside a message: the parts of a multipart are 1, 2, ...; a message that is not
     * multipart has exactly one part, "1", which is the message itself.
     */
    private static void addPartsOfMessage(Entity message, String path, Map<String, Part> parts) {
        if (message.isMultipart()) {
            addChildren(message, path, parts);
        } else {
            addPart(message, child(path, 1), parts);
        }
    }

    private static void addPart(Entity e, String path, Map<String, Part> parts) {
        parts.put(path, part(e, path));
        if (e.isMultipart()) {
            addChildren(e, path, parts);
        } else if (e.message() != null) {
            addPartsOfMessage(e.message(), path, parts);
        }
    }

    private static void addChildren(Entity multipart, String path, Map<String, Part> parts) {
        int n = 1;
        for (Entity child : multipart.children()) {
            addPart(child, child(path, n++), parts);
        }
    }

    private static String child(String path, int n) {
        return path.isEmpty() ? Integer.toString(n) : path + "." + n;
    }

    private static Part part(Entity e, String path) {
        ContentInfo c = e.content();
        Part nested = e.message() == null ? null : part(e.message(), path);
        return new Part(path, e.headerStart(), e.headerEnd(), e.bodyStart(), e.bodyEnd(), c.type(), c.subtype(),
                c.param("charset"), c.encoding(), nested);
    }

    private static List<HeaderField> searchFields(List<HeaderField> raw) {
        List<HeaderField> decoded = new ArrayList<>(Math.min(raw.size(), MAX_SEARCH_FIELDS));
        for (HeaderField f : raw) {
            if (decoded.size() == MAX_SEARCH_FIELDS) {
                break;
            }
            String value = HeaderDecoder.decode(f.value());
            if (value.length() > MAX_SEARCH_VALUE) {
                value = value.substring(0, MAX_SEARCH_VALUE);
            }
            decoded.add(new HeaderField(f.name(), value));
        }
        return decoded;
    }

    private static Map<String, List<MailAddress>> searchAddresses(List<HeaderField> raw) {
        Map<String, List<MailAddress>> addresses = new LinkedHashMap<>();
        int count = 0;
        for (HeaderField f : raw) {
            String key = f.name().toLowerCase(Locale.ROOT);
            if (!MessageStructure.ADDRESS_FIELDS.contains(key) || count >= MAX_SEARCH_ADDRESSES) {
                continue;
            }
            List<MailAddress> parsed = mailAddresses(f.value());
            parsed = parsed.subList(0, Math.min(parsed.size(), MAX_SEARCH_ADDRESSES - count));
            count += parsed.size();
            addresses.computeIfAbsent(key, k -> new ArrayList<>()).addAll(parsed);
        }
        return addresses;
    }

    /**
     * The mailboxes of one raw (or decoded) address-list value: a group as its name followed by its members,
     * display names decoded, the parser's fillers for a missing local part or domain turned into null.
     */
    static List<MailAddress> mailAddresses(String value) {
        List<MailAddress> result = new ArrayList<>();
        for (Address a : AddressParser.parse(value)) {
            if (a.host() == null) {
                // RFC 3501 group markers: start (NIL NIL "name" NIL), end (NIL NIL NIL NIL)
                if (a.mailbox() != null && !a.mailbox().isBlank()) {
                    result.add(MailAddress.group(HeaderDecoder.decode(a.mailbox())));
                }
                continue;
            }
            String mailbox = AddressParser.isMissingMailbox(a.mailbox()) ? null : HeaderDecoder.decode(a.mailbox());
            String host = AddressParser.isMissingDomain(a.host()) ? null : HeaderDecoder.decode(a.host());
            String name = a.name() == null ? null : HeaderDecoder.decode(a.name());
            result.add(new MailAddress(name == null || name.isBlank() ? null : name, mailbox, host));
        }
        return result;
    }

    private static MessageStructure opaque(byte[] message) {
        int lines = 0;
        for (byte b : message) {
            lines += b == '\n' ? 1 : 0;
        }
        String body = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" " + message.length + " "
                + lines;
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("", new Part("", 0, 0, 0, message.length, "TEXT", "PLAIN", "US-ASCII", "7BIT", null));
        parts.put("1", new Part("1", 0, 0, 0, message.length, "TEXT", "PLAIN", "US-ASCII", "7BIT", null));
        return new MessageStructure(ascii("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"),
                ascii(body + " NIL NIL NIL NIL)"), ascii(body + ")"), parts, List.of(), null,
                Map.of());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
