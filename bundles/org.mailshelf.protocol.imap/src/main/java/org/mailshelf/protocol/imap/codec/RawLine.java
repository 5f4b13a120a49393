package org.mailshelf.protocol.imap.codec;

import java.util.Arrays;

/**
 * One line read verbatim because the session asked for it with {@link CommandReceiver#expectRawLine()}: a SASL
 * response during AUTHENTICATE, or {@code DONE} ending IDLE. Without its line ending; literals are not
 * recognised in it. Its {@code toString} leaves the content out, since it may carry credentials.
 */
public record RawLine(byte[] bytes) implements Received {

    @Override
    public boolean equals(Object o) {
        return o instanceof RawLine other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawLine[" + bytes.length + " bytes]";
    }
}
