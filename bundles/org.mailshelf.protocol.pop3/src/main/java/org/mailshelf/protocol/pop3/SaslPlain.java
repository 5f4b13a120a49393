package org.mailshelf.protocol.pop3;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decodes an RFC 4616 PLAIN message: {@code [authzid] NUL authcid NUL passwd}. */
final class SaslPlain {

    /** What a PLAIN message carries; {@link #toString} leaves the password out. */
    record Credentials(String authcid, char[] password) {
        @Override
        public String toString() {
            return "Credentials[authcid=" + authcid + "]";
        }
    }

    private SaslPlain() {
    }

    /** Decodes and then clears {@code message}. */
    static Credentials decode(byte[] message) {
        try {
            int first = indexOfNul(message, 0);
            int second = first < 0 ? -1 : indexOfNul(message, first + 1);
            if (second < 0 || indexOfNul(message, second + 1) >= 0 || second == first + 1) {
                throw new Pop3Error("Malformed PLAIN response");
            }
            String authzid = new String(message, 0, first, StandardCharsets.UTF_8);
            String authcid = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
            // proxy login (acting as another user) is not offered
            if (!authzid.isEmpty() && !authzid.equals(authcid)) {
                throw new Pop3Error("Authorization identity must be empty or equal the authentication identity");
            }
            return new Credentials(authcid, chars(message, second + 1));
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }

    private static int indexOfNul(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** UTF-8 to chars without passing through a String, so the copy can be cleared. */
    static char[] chars(byte[] b, int from) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(b, from, b.length - from));
        char[] password = new char[decoded.remaining()];
        decoded.get(password);
        Arrays.fill(decoded.array(), '\0');
        return password;
    }
}
