package org.mailshelf.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without blocking: feed it what arrived, then take complete lines until it
 * answers {@code null} ("need more data"). A line longer than the limit is never buffered: its bytes are
 * dropped as they come and {@link #TOO_LONG} is returned once its end is seen.
 */
public final class LineReader {

    /** Returned in place of a line that exceeded the limit. Compare by identity. */
    public static final byte[] TOO_LONG = new byte[0];

    private int maxLineLength;
    private byte[] buf = new byte[1024];
    private int start;
    private int end;
    private int scanned;
    private boolean discarding;

    /** @param maxLineLength the longest line accepted, without its line ending */
    public LineReader(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public void setMaxLineLength(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    public void feed(ByteBuffer data) {
        int n = data.remaining();
        ensureRoom(n);
        data.get(buf, end, n);
        end += n;
    }

    public void feed(byte[] data) {
        feed(ByteBuffer.wrap(data));
    }

    /** Drops every unread byte: after STARTTLS, what the client sent in the clear is not read as commands. */
    public void discardBuffered() {
        start = end = scanned = 0;
        discarding = false;
    }

    /** Whether unread bytes (complete lines or a partial one) are waiting. */
    public boolean hasBufferedData() {
        return end > start;
    }

    /**
     * The next line without its CRLF (a bare LF also ends a line), {@link #TOO_LONG}, or null when no
     * complete line is buffered.
     */
    public byte[] next() {
        for (int i = Math.max(scanned, start); i < end; i++) {
            if (buf[i] == '\n') {
                int lineEnd = (i > start && buf[i - 1] == '\r') ? i - 1 : i;
                boolean tooLong = discarding || lineEnd - start > maxLineLength;
                byte[] line = tooLong ? TOO_LONG : Arrays.copyOfRange(buf, start, lineEnd);
                discarding = false;
                start = i + 1;
                scanned = start;
                return line;
            }
        }
        // +1 leaves room for the CR of a line that is exactly at the limit
        if (end - start > maxLineLength + 1) {
            discarding = true;
            start = end = scanned = 0;
        } else {
            scanned = end;
        }
        return null;
    }

    private void ensureRoom(int n) {
        if (start > 0 && end + n > buf.length) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
        }
    }
}
