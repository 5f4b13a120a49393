package org.mailshelf.auth.ldap.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Password bytes for a bind without a String in between (a String cannot be cleared). */
final class Passwords {

    private Passwords() {
    }

    /** The UTF-8 bytes of a password (RFC 4511 sends the simple password as octets); the caller clears them. */
    static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        // the encoder's array may be larger than the result: clear all of it
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
