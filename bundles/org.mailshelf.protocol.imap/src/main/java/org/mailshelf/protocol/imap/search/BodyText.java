package org.mailshelf.protocol.imap.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.mailshelf.mime.MessageStructure;
import org.mailshelf.mime.Part;
import org.mailshelf.protocol.imap.message.MessageView;

/**
 * The text SEARCH BODY and TEXT look in. {@link #extract} gives the body: every text/* part (also inside
 * attached messages), transfer-decoded (base64, quoted-printable) and then decoded with the part's charset,
 * parts separated by a line break. A part without a charset, with US-ASCII, or with a charset Java does not
 * know is read as UTF-8 when it is valid UTF-8 and as ISO-8859-1 otherwise, since such labels are often wrong.
 * {@link #header} gives the top-level header for TEXT.
 */
public final class BodyText {

    private BodyText() {
    }

    public static String extract(MessageView message) {
        return extract(message.structure(), message.content());
    }

    /** The body text of a message given by its stored analysis and bytes. */
    public static String extract(MessageStructure structure, byte[] content) {
        StringBuilder text = new StringBuilder();
        for (Part part : structure.parts()) {
            if (part.path().isEmpty() || !part.mediaType().equalsIgnoreCase("text")) {
                continue;  // "" is the whole message; a single-part message is also part "1"
            }
            int from = clamp(part.bodyStart(), content.length);
            int to = clamp(part.bodyEnd(), content.length);
            if (from >= to) {
                continue;
            }
            byte[] decoded = TransferDecoding.decode(content, from, to, part.transferEncoding());
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(decodeText(decoded, part.charset().orElse(null)));
        }
        return text.toString();
    }

    /**
     * The header text for SEARCH TEXT: the top-level header's raw lines, unfolded (8-bit octets read as UTF-8,
     * or ISO-8859-1 when not valid UTF-8), then the decoded value of each of its fields, so that both field
     * names and the text of RFC 2047 encoded words are found; then the raw headers of attached messages
     * (message/rfc822 parts), which are part of the message's text but whose encoded words stay encoded.
     */
    public static String header(MessageView message) {
        MessageStructure structure = message.structure();
        byte[] content = message.content();
        int end = clamp(structure.part("").map(Part::headerEnd).orElse(0), content.length);
        String raw = decodeText(Arrays.copyOf(content, end), null);
        StringBuilder text = new StringBuilder(raw.length() * 2);
        Set<String> names = new LinkedHashSet<>();
        for (String line : raw.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t' && colon > 0) {
                names.add(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            }
        }
        text.append(Fold.unfold(raw));
        for (String name : names) {
            for (String value : structure.headerValues(name)) {
                text.append('\n').append(name).append(": ").append(Fold.unfold(value));
            }
        }
        for (Part part : structure.parts()) {
            Part nested = part.message().orElse(null);
            if (nested != null) {
                int from = clamp(nested.headerStart(), content.length);
                int to = clamp(nested.headerEnd(), content.length);
                if (from < to) {
                    text.append('\n').append(Fold.unfold(
                            decodeText(Arrays.copyOfRange(content, from, to), null)));
                }
            }
        }
        return text.toString();
    }

    static String decodeText(byte[] bytes, String charsetName) {
        Charset charset = charset(charsetName);
        if (charset != null) {
            return new String(bytes, charset);  // malformed input becomes U+FFFD
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The declared charset when it is usable and says more than "US-ASCII"; null for the fallback. */
    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.strip());
            return c.equals(StandardCharsets.US_ASCII) ? null : c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }
}
