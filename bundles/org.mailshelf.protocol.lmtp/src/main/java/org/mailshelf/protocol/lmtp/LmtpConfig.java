package org.mailshelf.protocol.lmtp;

/**
 * Settings of one LMTP listener.
 *
 * @param hostname       the name the server gives in its greeting and LHLO reply
 * @param maxMessageSize the largest message accepted, in bytes as received (CRLF line endings, before the
 *                       Return-Path line is added); advertised as {@code SIZE}
 * @param maxRecipients  the most recipients accepted in one transaction
 * @param maxLineLength  the longest command line accepted, without CRLF
 * @param tlsRequired    whether MAIL is refused until STARTTLS on an unencrypted connection from another host;
 *                       this host is exempt, as it is for passwords in IMAP and POP3 (nobody in between to listen)
 */
public record LmtpConfig(String hostname, long maxMessageSize, int maxRecipients, int maxLineLength,
        boolean tlsRequired) {

    /** A message is held in one byte array, so it must fit in one with room to spare. */
    static final long MESSAGE_SIZE_LIMIT = 1L << 30;
    /** RFC 5321 4.5.3.1.4: a server must accept command lines of 512 octets. */
    static final int MIN_LINE_LENGTH = 512;

    /** TLS not required. */
    public LmtpConfig(String hostname, long maxMessageSize, int maxRecipients, int maxLineLength) {
        this(hostname, maxMessageSize, maxRecipients, maxLineLength, false);
    }

    public LmtpConfig {
        if (hostname == null || hostname.isBlank() || !hostname.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("hostname must be printable ASCII without spaces: " + hostname);
        }
        if (maxMessageSize < 1 || maxMessageSize > MESSAGE_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxMessageSize must be 1.." + MESSAGE_SIZE_LIMIT);
        }
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1");
        }
        if (maxLineLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be at least " + MIN_LINE_LENGTH);
        }
    }

    /** localhost, 50 MiB messages, 100 recipients, 4096-byte command lines, TLS not required. */
    public static LmtpConfig defaults() {
        return new LmtpConfig("localhost", 50L * 1024 * 1024, 100, 4096);
    }
}
