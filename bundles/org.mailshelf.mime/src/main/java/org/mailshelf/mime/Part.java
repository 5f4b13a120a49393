package org.mailshelf.mime;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one body part lies in the message bytes, for BODY[section]: {@code [headerStart, headerEnd)} is its
 * header including the empty line that ends it (section "x.MIME", or "HEADER" for the whole message) and
 * {@code [bodyStart, bodyEnd)} its body (section "x", or "TEXT" for the whole message). For a message/rfc822
 * part, {@link #message()} locates the encapsulated message, whose header answers "x.HEADER" and whose body
 * answers "x.TEXT"; its parts are in the map as "x.1", "x.2", ...
 */
public final class Part {

    private final String path;
    private final int headerStart;
    private final int headerEnd;
    private final int bodyStart;
    private final int bodyEnd;
    private final String mediaType;
    private final String mediaSubtype;
    private final String charset;
    private final String transferEncoding;
    private final Part message;

    Part(String path, int headerStart, int headerEnd, int bodyStart, int bodyEnd, String mediaType,
            String mediaSubtype, String charset, String transferEncoding, Part message) {
        this.path = Objects.requireNonNull(path);
        this.headerStart = headerStart;
        this.headerEnd = headerEnd;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
        this.mediaType = Objects.requireNonNull(mediaType);
        this.mediaSubtype = Objects.requireNonNull(mediaSubtype);
        this.charset = charset;
        this.transferEncoding = Objects.requireNonNull(transferEncoding);
        this.message = message;
    }

    /** Section path: "" for the whole message, "1", "1.2", ... */
    public String path() {
        return path;
    }

    public int headerStart() {
        return headerStart;
    }

    public int headerEnd() {
        return headerEnd;
    }

    public int bodyStart() {
        return bodyStart;
    }

    public int bodyEnd() {
        return bodyEnd;
    }

    /** Media type as found in the message ("TEXT" when defaulted); compare ignoring case. */
    public String mediaType() {
        return mediaType;
    }

    public String mediaSubtype() {
        return mediaSubtype;
    }

    /** The charset parameter, if any: what SEARCH BODY/TEXT needs to decode the part. */
    public Optional<String> charset() {
        return Optional.ofNullable(charset);
    }

    /** Content-Transfer-Encoding as found, "7BIT" when absent. */
    public String transferEncoding() {
        return transferEncoding;
    }

    /** For a message/rfc822 part: the encapsulated message (same path, its own header and body offsets). */
    public Optional<Part> message() {
        return Optional.ofNullable(message);
    }

    public boolean isMultipart() {
        return mediaType.equalsIgnoreCase("multipart");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Part p && path.equals(p.path) && headerStart == p.headerStart
                && headerEnd == p.headerEnd && bodyStart == p.bodyStart && bodyEnd == p.bodyEnd
                && mediaType.equals(p.mediaType) && mediaSubtype.equals(p.mediaSubtype)
                && Objects.equals(charset, p.charset) && transferEncoding.equals(p.transferEncoding)
                && Objects.equals(message, p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, headerStart, headerEnd, bodyStart, bodyEnd);
    }

    @Override
    public String toString() {
        return "Part[" + (path.isEmpty() ? "(message)" : path) + " " + mediaType + "/" + mediaSubtype + " header "
                + headerStart + ".." + headerEnd + " body " + bodyStart + ".." + bodyEnd
                + (message != null ? " encapsulates " + message : "") + "]";
    }
}
