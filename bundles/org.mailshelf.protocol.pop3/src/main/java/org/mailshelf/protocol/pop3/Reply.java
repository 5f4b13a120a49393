package org.mailshelf.protocol.pop3;

import java.util.List;

import org.mailshelf.protocol.Ascii;

/** Builds complete responses, each as one byte array so that it goes out in one write. */
final class Reply {

    private static final String CRLF = "\r\n";

    private Reply() {
    }

    static byte[] ok(String text) {
        return Ascii.bytes(status("+OK", text) + CRLF);
    }

    static byte[] err(String text) {
        return Ascii.bytes(status("-ERR", text) + CRLF);
    }

    /** A multi-line response of lines the server made up; none of them starts with ".". */
    static byte[] multiLine(String text, List<String> lines) {
        StringBuilder b = new StringBuilder(status("+OK", text)).append(CRLF);
        for (String line : lines) {
            b.append(line).append(CRLF);
        }
        return Ascii.bytes(b.append('.').append(CRLF).toString());
    }

    /** A multi-line response carrying the first {@code length} bytes of a message. */
    static byte[] message(String text, byte[] content, int length) {
        return DotStuffing.frame(Ascii.bytes(status("+OK", text) + CRLF), content, length);
    }

    private static String status(String indicator, String text) {
        return text.isEmpty() ? indicator : indicator + " " + text;
    }
}
