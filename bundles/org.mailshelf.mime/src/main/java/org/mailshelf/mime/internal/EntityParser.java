package org.mailshelf.mime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the entity tree of a message in one pass over its bytes. Byte offsets are the point, which is why the
 * splitting is done here instead of by mime4j's stream parser: it reports content, not positions. Nothing here
 * throws on malformed input; beyond {@link #MAX_DEPTH} nested multiparts/messages a part is left opaque.
 */
public final class EntityParser {

    public static final int MAX_DEPTH = 50;

    private final byte[] buf;

    private EntityParser(byte[] buf) {
        this.buf = buf;
    }

    public static Entity parse(byte[] message) {
        return new EntityParser(message).entity(0, message.length, 0, ContentInfo.Default.TEXT);
    }

    private Entity entity(int start, int end, int depth, ContentInfo.Default fallback) {
        HeaderParser.Result header = HeaderParser.parse(buf, start, end);
        ContentInfo content = ContentInfo.of(header.fields(), fallback);
        int bodyStart = header.end();
        boolean descend = depth < MAX_DEPTH && content.hasIdentityEncoding();
        String boundary = content.isMultipart() ? content.param("boundary") : null;
        if (descend && boundary != null && !boundary.isEmpty()) {
            return new Entity(start, bodyStart, end, header.fields(), content,
                    children(bodyStart, end, boundary, depth, content), null);
        }
        Entity nested = null;
        if (descend && content.isMessageRfc822()) {
            nested = entity(bodyStart, end, depth + 1, ContentInfo.Default.TEXT);
        }
        return new Entity(start, bodyStart, end, header.fields(), content, List.of(), nested);
    }

    private List<Entity> children(int bodyStart, int end, String boundary, int depth, ContentInfo content) {
        ContentInfo.Default childDefault = content.subtype().equalsIgnoreCase("digest")
                ? ContentInfo.Default.MESSAGE : ContentInfo.Default.TEXT;
        List<Entity> children = new ArrayList<>();
        for (MultipartSplitter.Range r : MultipartSplitter.split(buf, bodyStart, end, boundary)) {
            children.add(entity(r.start(), r.end(), depth + 1, childDefault));
        }
        if (children.isEmpty()) {
            // IMAP needs at least one body in a multipart: an empty text/plain part at the end, as Dovecot reports
            children.add(new Entity(end, end, end, List.of(), ContentInfo.of(List.of(), ContentInfo.Default.TEXT),
                    List.of(), null));
        }
        return List.copyOf(children);
    }
}
