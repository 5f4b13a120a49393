package org.mailshelf.mime;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailshelf.mime.internal.HeaderField;

/**
 * What IMAP needs to know about one stored message, computed once by {@link MessageAnalyzer}: the ENVELOPE,
 * BODY and BODYSTRUCTURE responses as the exact octets to send, the byte offsets of every part for
 * BODY[section], and the decoded top-level header values for SEARCH. Immutable; {@link #toBytes()} and
 * {@link #fromBytes(byte[])} keep it in one store column.
 */
public final class MessageStructure {

    private final byte[] envelope;
    private final byte[] bodyStructure;
    private final byte[] body;
    private final Map<String, Part> parts;
    private final List<HeaderField> headers;
    private final ZonedDateTime date;
    private final Map<String, List<MailAddress>> addresses;

    /** The fields whose addresses analysis parses from the raw octets and keeps, by lower-case name. */
    static final Set<String> ADDRESS_FIELDS = Set.of("from", "sender", "reply-to", "to", "cc", "bcc");

    /**
     * @param addresses parsed addresses of the {@link #ADDRESS_FIELDS} present, by lower-case name; null to parse
     *            them from the decoded {@code headers}
     */
    MessageStructure(byte[] envelope, byte[] bodyStructure, byte[] body, Map<String, Part> parts,
            List<HeaderField> headers, ZonedDateTime date, Map<String, List<MailAddress>> addresses) {
        this.envelope = envelope;
        this.bodyStructure = bodyStructure;
        this.body = body;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.headers = List.copyOf(headers);
        this.date = date;
        this.addresses = addresses != null ? Map.copyOf(addresses) : parsedFromDecoded(this.headers);
    }

    /** Decodes {@link #toBytes()} output; throws IllegalArgumentException for data this version cannot read. */
    public static MessageStructure fromBytes(byte[] data) {
        return StructureCodec.decode(data);
    }

    /** Compact serialized form; the first byte is the format version. */
    public byte[] toBytes() {
        return StructureCodec.encode(this);
    }

    /** The ENVELOPE value as IMAP sends it, e.g. {@code ("date" "subject" ((...)) ... "<id@host>")}. */
    public byte[] envelope() {
        return envelope.clone();
    }

    /** BODYSTRUCTURE (with extension data) when {@code extensible}, otherwise the BODY value. */
    public byte[] bodyStructure(boolean extensible) {
        return (extensible ? bodyStructure : body).clone();
    }

    /** The part at a section path ("" whole message, "1", "1.2.3"), or empty if the message has no such part. */
    public Optional<Part> part(String path) {
        return Optional.ofNullable(parts.get(path));
    }

    /** All parts in message order, starting with the whole message (""). */
    public Collection<Part> parts() {
        return parts.values();
    }

    /** Size of the whole message in octets. */
    public int size() {
        return parts.get("").bodyEnd();
    }

    public Optional<String> subject() {
        return first("Subject");
    }

    public Optional<String> from() {
        return joined("From");
    }

    public Optional<String> to() {
        return joined("To");
    }

    public Optional<String> cc() {
        return joined("Cc");
    }

    public Optional<String> bcc() {
        return joined("Bcc");
    }

    public Optional<String> messageId() {
        return first("Message-ID");
    }

    /** The Date header, parsed leniently, in the zone the sender wrote (SEARCH SENT* compares its local date). */
    public Optional<ZonedDateTime> date() {
        return Optional.ofNullable(date);
    }

    /** Decoded values of every top-level field with this name (case-insensitive), in message order. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderField f : headers) {
            if (f.name().equalsIgnoreCase(name)) {
                values.add(f.value());
            }
        }
        return values;
    }

    /**
     * The addresses of every top-level field with this name (case-insensitive), in message order; for FROM, TO, CC
     * and BCC searches. From, Sender, Reply-To, To, Cc and Bcc are parsed at analysis from the raw field, so an
     * encoded word in a display name cannot break the address list apart; other fields are parsed on demand
     * from their decoded values.
     */
    public List<MailAddress> addresses(String headerName) {
        String key = headerName.toLowerCase(Locale.ROOT);
        if (ADDRESS_FIELDS.contains(key)) {
            return addresses.getOrDefault(key, List.of());
        }
        List<MailAddress> result = new ArrayList<>();
        for (String value : headerValues(headerName)) {
            result.addAll(MessageAnalyzer.mailAddresses(value));
        }
        return result;
    }

    /** Kept addresses by lower-case field name; for the serializer. */
    Map<String, List<MailAddress>> addressMap() {
        return addresses;
    }

    /** For structures stored before addresses were kept: the best that the decoded values allow. */
    private static Map<String, List<MailAddress>> parsedFromDecoded(List<HeaderField> headers) {
        Map<String, List<MailAddress>> parsed = new LinkedHashMap<>();
        for (HeaderField f : headers) {
            String key = f.name().toLowerCase(Locale.ROOT);
            if (ADDRESS_FIELDS.contains(key)) {
                parsed.computeIfAbsent(key, k -> new ArrayList<>()).addAll(MessageAnalyzer.mailAddresses(f.value()));
            }
        }
        parsed.replaceAll((k, v) -> List.copyOf(v));
        return parsed;
    }

    /** All kept top-level fields, decoded, in message order; for the serializer and for SEARCH HEADER. */
    List<HeaderField> headers() {
        return headers;
    }

    Map<String, Part> partMap() {
        return parts;
    }

    byte[] rawEnvelope() {
        return envelope;
    }

    byte[] rawBody(boolean extensible) {
        return extensible ? bodyStructure : body;
    }

    private Optional<String> first(String name) {
        for (HeaderField f : headers) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Address fields may legally repeat in broken mail; search should see all of them. */
    private Optional<String> joined(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }
}
