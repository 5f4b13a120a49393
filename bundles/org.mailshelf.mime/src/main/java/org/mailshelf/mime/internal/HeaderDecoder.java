package org.mailshelf.mime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Turns a raw header value into the text a user would search for: raw 8-bit octets are read as UTF-8 when they
 * are valid UTF-8 (RFC 6532), else as ISO-8859-1; then RFC 2047 encoded words are decoded by mime4j.
 */
public final class HeaderDecoder {

    private HeaderDecoder() {
    }

    public static String decode(String rawValue) {
        String text = rawToText(rawValue);
        if (text.indexOf("=?") < 0) {
            return text;
        }
        try {
            return DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return text;  // unknown charset or broken word: searching the raw text beats losing the value
        }
    }

    private static String rawToText(String raw) {
        boolean ascii = true;
        for (int i = 0; i < raw.length() && ascii; i++) {
            ascii = raw.charAt(i) < 0x80;
        }
        if (ascii) {
            return raw;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }
}
