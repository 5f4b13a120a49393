package org.mailshelf.protocol.lmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.mailshelf.protocol.LineReader;

/**
 * The message of one DATA, built line by line: dot-stuffing undone, every line ended with CRLF (a bare LF from
 * the client too), the Return-Path line in front (RFC 5321 4.4: the delivering server adds it). Once the message
 * is refused it stops buffering and only waits for the end, so a huge message costs no memory.
 */
final class IncomingMessage {

    /**
     * The longest DATA line read. RFC 5321 allows 998 octets, but generated HTML and base64 often run longer,
     * so be generous; the line reader must hold a whole line, so the limit also bounds what one connection can
     * make us buffer before the size check sees it.
     */
    static final int MAX_DATA_LINE = 1024 * 1024;

    static final Reply TOO_BIG = Reply.of(552, "5.3.4 Message too big");
    static final Reply LINE_TOO_LONG = Reply.of(554, "5.6.0 Message has a line longer than 1 MiB");

    private static final byte[] CRLF = {'\r', '\n'};

    private final long maxSize;
    private final int lineLimit;
    /** Null once the message is refused. */
    private ByteArrayOutputStream content;
    private long size;
    private Reply refusal;

    IncomingMessage(String reversePath, long maxSize) {
        this.maxSize = maxSize;
        // a line longer than the whole message may be is "too big", not "line too long"
        this.lineLimit = (int) Math.min(MAX_DATA_LINE, maxSize);
        this.content = new ByteArrayOutputStream(8192);
        content.writeBytes(("Return-Path: <" + reversePath + ">\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The line length to give the line reader while this message is read. */
    int lineLimit() {
        return lineLimit;
    }

    /**
     * Takes one line as the {@link LineReader} returned it.
     *
     * @return true if it was the lone dot that ends the message
     */
    boolean take(byte[] line) {
        if (line == LineReader.TOO_LONG) {
            refuse(lineLimit == maxSize ? TOO_BIG : LINE_TOO_LONG);
            return false;
        }
        if (line.length == 1 && line[0] == '.') {
            return true;
        }
        int from = line.length > 0 && line[0] == '.' ? 1 : 0;
        size += line.length - from + CRLF.length;
        if (size > maxSize) {
            refuse(TOO_BIG);
        }
        if (content != null) {
            content.write(line, from, line.length - from);
            content.writeBytes(CRLF);
        }
        return false;
    }

    private void refuse(Reply reply) {
        if (refusal == null) {
            refusal = reply;
        }
        content = null;
    }

    /** What every recipient is told instead of delivery, or null when the message can be delivered. */
    Reply refusal() {
        return refusal;
    }

    /** The bytes to store, Return-Path line first. Only valid when {@link #refusal()} is null. */
    byte[] content() {
        if (content == null) {
            throw new IllegalStateException("message was refused: " + refusal);
        }
        return content.toByteArray();
    }
}
