package org.mailshelf.protocol.pop3;

/**
 * Frames message bytes as the body of a multi-line response (RFC 1939 §3): a "." is added before every line that
 * starts with ".", the content is ended with CRLF if it is not already, and ".CRLF" terminates it. A line starts
 * after any LF, so a client that splits on bare LF un-stuffs correctly too. The result is built in one buffer of
 * exactly the right size (messages can be large).
 */
final class DotStuffing {

    private DotStuffing() {
    }

    static byte[] frame(byte[] head, byte[] content, int length) {
        int dots = 0;
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            if (lineStart && content[i] == '.') {
                dots++;
            }
            lineStart = content[i] == '\n';
        }
        boolean addCrlf = length > 0 && !(length >= 2 && content[length - 2] == '\r' && content[length - 1] == '\n');
        byte[] out = new byte[head.length + length + dots + (addCrlf ? 2 : 0) + 3];
        System.arraycopy(head, 0, out, 0, head.length);
        int o = head.length;
        int runStart = 0;
        lineStart = true;
        for (int i = 0; i < length; i++) {
            if (lineStart && content[i] == '.') {
                System.arraycopy(content, runStart, out, o, i - runStart);
                o += i - runStart;
                out[o++] = '.';
                runStart = i;
            }
            lineStart = content[i] == '\n';
        }
        System.arraycopy(content, runStart, out, o, length - runStart);
        o += length - runStart;
        if (addCrlf) {
            out[o++] = '\r';
            out[o++] = '\n';
        }
        out[o++] = '.';
        out[o++] = '\r';
        out[o] = '\n';
        return out;
    }
}
