package org.mailshelf.protocol.imap.search;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders for searching: lenient, since mail is often slightly broken and a search
 * should still find what a reader would see. Base64 skips everything outside its alphabet and stops at "=";
 * quoted-printable decodes {@code =XX} and soft line breaks and keeps any other "=" as it is.
 */
final class TransferDecoding {

    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private TransferDecoding() {
    }

    /** Decodes by encoding name (any case); identity encodings and unknown ones return the bytes as they are. */
    static byte[] decode(byte[] data, int from, int to, String encoding) {
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "base64" -> base64(data, from, to);
            case "quoted-printable" -> quotedPrintable(data, from, to);
            default -> Arrays.copyOfRange(data, from, to);
        };
    }

    static byte[] base64(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * 3 / 4 + 3);
        int bits = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            int c = data[i] & 0xff;
            if (c == '=') {
                break;
            }
            int v = c < 128 ? BASE64[c] : -1;
            if (v < 0) {
                continue;
            }
            bits = (bits << 6) | v;
            if (++count == 4) {
                out.write(bits >> 16);
                out.write(bits >> 8);
                out.write(bits);
                bits = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out.write(bits >> 4);
        } else if (count == 3) {
            out.write(bits >> 10);
            out.write(bits >> 2);
        }
        return out.toByteArray();
    }

    static byte[] quotedPrintable(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte b = data[i];
            if (b != '=') {
                out.write(b);
                i++;
                continue;
            }
            int hi = i + 1 < to ? hex(data[i + 1]) : -1;
            int lo = i + 2 < to ? hex(data[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 3;
                continue;
            }
            int j = i + 1;
            while (j < to && (data[j] == ' ' || data[j] == '\t')) {
                j++;  // transport padding before a soft line break
            }
            if (j < to && data[j] == '\r' && j + 1 < to && data[j + 1] == '\n') {
                i = j + 2;
            } else if (j < to && data[j] == '\n') {
                i = j + 1;
            } else if (j == to) {
                i = to;  // "=" at the very end: a soft break without its line end
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;  // lower case is not legal, but encoders produce it
        }
        return -1;
    }
}
