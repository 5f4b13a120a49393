package org.mailshelf.mime.internal;

/**
 * One header field as found. {@code value} holds the raw octets one char per byte (ISO-8859-1), unfolded (CR and LF
 * removed) and trimmed, so IMAP output can reproduce 8-bit bytes exactly while search decodes it separately.
 */
public record HeaderField(String name, String value) {
}
