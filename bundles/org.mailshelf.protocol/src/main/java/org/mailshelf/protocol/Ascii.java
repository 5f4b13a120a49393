package org.mailshelf.protocol;

import java.nio.charset.StandardCharsets;

/** Byte and text helpers shared by the line protocols. */
public final class Ascii {
    private Ascii() {
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a command line; protocol keywords are ASCII, arguments may be UTF-8. */
    public static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
