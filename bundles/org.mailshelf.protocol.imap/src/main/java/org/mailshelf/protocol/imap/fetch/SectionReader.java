package org.mailshelf.protocol.imap.fetch;

import java.util.Arrays;
import java.util.Optional;

import org.mailshelf.mime.MessageStructure;
import org.mailshelf.mime.Part;

/**
 * The bytes a {@link BodySection} names (before the partial is applied), from the message's bytes and the part
 * offsets of its {@link MessageStructure}. Following Dovecot, a part that does not exist, and HEADER / TEXT /
 * HEADER.FIELDS of a part that is not message/rfc822, yield no bytes rather than an error.
 */
final class SectionReader {

    private static final byte[] EMPTY = new byte[0];

    private SectionReader() {
    }

    /** {@code structure} may be null when {@link BodySection#needsStructure()} is false. */
    static byte[] read(BodySection section, MessageStructure structure, byte[] content) {
        if (!section.needsStructure()) {
            return content;
        }
        Optional<Part> found = find(structure, section.path());
        if (found.isEmpty()) {
            return EMPTY;
        }
        Part part = found.get();
        if (section.part().isEmpty()) {
            return ofMessage(section, part, content);
        }
        return switch (section.kind()) {
            case CONTENT -> slice(content, part.bodyStart(), part.bodyEnd());
            case MIME -> slice(content, part.headerStart(), part.headerEnd());
            default -> part.message().map(m -> ofMessage(section, m, content)).orElse(EMPTY);
        };
    }

    /**
     * The part at a path. Like Dovecot, a leaf inside a multipart also answers to its own path followed by
     * ".1" ({@code 2.1} for a text/plain part 2), just as a single-part message's only part is "1".
     */
    private static Optional<Part> find(MessageStructure structure, String path) {
        Optional<Part> part = structure.part(path);
        if (part.isPresent() || !path.endsWith(".1")) {
            return part;
        }
        String leafPath = path.substring(0, path.length() - 2);
        int dot = leafPath.lastIndexOf('.');
        Optional<Part> leaf = structure.part(leafPath);
        Optional<Part> parent = structure.part(dot < 0 ? "" : leafPath.substring(0, dot));
        boolean leafOfMultipart = leaf.isPresent() && !leaf.get().isMultipart() && leaf.get().message().isEmpty()
                && parent.isPresent() && (parent.get().isMultipart()
                        || parent.get().message().map(Part::isMultipart).orElse(false));
        return leafOfMultipart ? leaf : Optional.empty();
    }

    /** HEADER, HEADER.FIELDS[.NOT], TEXT (or everything) of a message: the top one or an encapsulated one. */
    private static byte[] ofMessage(BodySection section, Part message, byte[] content) {
        int headerStart = clamp(message.headerStart(), content);
        int headerEnd = clamp(message.headerEnd(), content);
        return switch (section.kind()) {
            case CONTENT -> slice(content, message.headerStart(), message.bodyEnd());
            case HEADER -> slice(content, headerStart, headerEnd);
            case TEXT -> slice(content, message.bodyStart(), message.bodyEnd());
            case HEADER_FIELDS -> HeaderFieldFilter.filter(content, headerStart, Math.max(headerStart, headerEnd),
                    section.fields(), true);
            case HEADER_FIELDS_NOT -> HeaderFieldFilter.filter(content, headerStart,
                    Math.max(headerStart, headerEnd), section.fields(), false);
            case MIME -> throw new IllegalStateException("MIME of a message");
        };
    }

    /** A copy of {@code [start, end)}, kept within the content should structure and content disagree. */
    static byte[] slice(byte[] content, int start, int end) {
        int from = clamp(start, content);
        int to = clamp(end, content);
        return to <= from ? EMPTY : Arrays.copyOfRange(content, from, to);
    }

    private static int clamp(int offset, byte[] content) {
        return Math.max(0, Math.min(offset, content.length));
    }
}
