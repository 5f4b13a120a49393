package org.mailshelf.protocol.imap.codec;

import java.nio.charset.StandardCharsets;

/** Finds the tag at the start of a command line, so that even a refused command can be answered by tag. */
final class Tags {

    private Tags() {
    }

    /**
     * @param complete whether {@code line[0, length)} is the whole line; a tag running to the end of a partial
     *                 line is not trusted
     * @return the tag, or null when the line does not start with a valid one followed by SP or its end
     */
    static String find(byte[] line, int length, boolean complete) {
        int i = 0;
        while (i < length && ImapChars.isTagChar(line[i])) {
            i++;
        }
        if (i == 0 || (i < length ? line[i] != ' ' : !complete)) {
            return null;
        }
        return new String(line, 0, i, StandardCharsets.US_ASCII);
    }
}
