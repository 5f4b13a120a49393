package org.mailshelf.protocol.lmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One reply: a code and one or more lines of text, sent as {@code 250-first} ... {@code 250 last}. The text
 * starts with the RFC 2034 enhanced status code where one applies (not in the greeting and LHLO reply).
 */
record Reply(int code, List<String> lines) {

    static final Reply OK = of(250, "2.0.0 OK");

    Reply {
        lines = List.copyOf(lines);
        if (code < 200 || code > 599 || lines.isEmpty()) {
            throw new IllegalArgumentException("bad reply " + code + " " + lines);
        }
    }

    static Reply of(int code, String text) {
        return new Reply(code, List.of(text));
    }

    byte[] bytes() {
        return bytes(List.of(this));
    }

    /** Several replies as one buffer, so they go out in one write. */
    static byte[] bytes(List<Reply> replies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Reply reply : replies) {
            List<String> lines = reply.lines;
            for (int i = 0; i < lines.size(); i++) {
                String separator = i < lines.size() - 1 ? "-" : " ";
                out.writeBytes((reply.code + separator + lines.get(i) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return code + " " + String.join(" / ", lines);
    }
}
