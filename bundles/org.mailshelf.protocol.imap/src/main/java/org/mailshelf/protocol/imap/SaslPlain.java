package org.mailshelf.protocol.imap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Decodes an RFC 4616 PLAIN message: {@code [authzid] NUL authcid NUL passwd}, given in base64. */
final class SaslPlain {

    /** What a PLAIN message carries; {@code toString} leaves the password out. */
    record Credentials(String authcid, char[] password) {
        @Override
        public String toString() {
            return "Credentials[authcid=" + authcid + "]";
        }
    }

    private SaslPlain() {
    }

    /** @throws ImapFailure BAD for invalid base64 or a malformed message */
    static Credentials decode(String base64) {
        byte[] message = base64(base64);
        try {
            int first = indexOfNul(message, 0);
            int second = first < 0 ? -1 : indexOfNul(message, first + 1);
            if (second < 0 || indexOfNul(message, second + 1) >= 0 || second == first + 1) {
                throw ImapFailure.bad("Malformed PLAIN response");
            }
            String authzid = new String(message, 0, first, StandardCharsets.UTF_8);
            String authcid = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
            if (!authzid.isEmpty() && !authzid.equals(authcid)) { // acting as another user is not offered
                throw ImapFailure.no("AUTHORIZATIONFAILED", "Authorization identity must equal the login");
            }
            return new Credentials(authcid, Login.chars(message, second + 1));
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

    /** A SASL response's bytes. @throws ImapFailure BAD for invalid base64 */
    static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ImapFailure.bad("Invalid base64 in the authentication response");
        }
    }
}
