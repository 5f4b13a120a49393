package org.mailshelf.protocol.imap.codec;

/**
 * Watches the bytes of one line, one at a time, for a literal announcement at its end: {@code {n}},
 * {@code {n+}}, {@code ~{n}} or {@code ~{n+}}, optionally followed by CR. Works without the line being kept, so
 * the receiver can still keep in step with the client while it discards an over-long line. Braces inside a
 * quoted string do not count.
 */
final class LiteralMarker {

    /** Sizes beyond this are only "too big"; keeps the arithmetic from overflowing. */
    private static final long SATURATED = Long.MAX_VALUE / 10;

    private enum State { NONE, TILDE, OPEN, DIGITS, PLUS, CLOSED, CLOSED_CR }

    private State state = State.NONE;
    private boolean inQuote;
    private boolean escaped;
    private int start;
    private long size;
    private boolean binary;
    private boolean nonSync;

    /** @param position the byte's offset in the line, remembered as the marker's start */
    void accept(byte b, int position) {
        if (inQuote) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inQuote = false;
            }
            return;
        }
        switch (b) {
            case '"' -> {
                inQuote = true;
                state = State.NONE;
            }
            case '~' -> {
                state = State.TILDE;
                start = position;
            }
            case '{' -> {
                binary = state == State.TILDE;
                if (!binary) {
                    start = position;
                }
                state = State.OPEN;
                size = 0;
                nonSync = false;
            }
            case '+' -> state = state == State.DIGITS ? State.PLUS : State.NONE;
            case '}' -> state = state == State.DIGITS || state == State.PLUS ? State.CLOSED : State.NONE;
            case '\r' -> state = state == State.CLOSED ? State.CLOSED_CR : State.NONE;
            default -> {
                if (ImapChars.isDigit(b) && (state == State.OPEN || state == State.DIGITS)) {
                    size = size >= SATURATED / 10 ? SATURATED : size * 10 + (b - '0');
                    state = State.DIGITS;
                } else {
                    state = State.NONE;
                }
            }
        }
        if (state == State.PLUS) {
            nonSync = true;
        }
    }

    /** Whether the bytes so far end with a literal announcement. */
    boolean announced() {
        return state == State.CLOSED || state == State.CLOSED_CR;
    }

    long size() {
        return size;
    }

    boolean binary() {
        return binary;
    }

    boolean nonSync() {
        return nonSync;
    }

    /** Offset of the announcement's first byte ({@code ~} or <code>{</code>) in the line. */
    int start() {
        return start;
    }

    /** A new line begins (after a line end or a literal). */
    void reset() {
        state = State.NONE;
        inQuote = false;
        escaped = false;
    }
}
