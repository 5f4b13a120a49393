package org.mailshelf.mime.internal;

import java.util.List;

/**
 * One parsed MIME entity with its offsets in the message bytes. Exactly one of {@code children} (multipart) or
 * {@code message} (message/rfc822) may be non-empty; an entity that is neither, or was left opaque, is a leaf.
 */
public record Entity(int headerStart, int headerEnd, int bodyEnd, List<HeaderField> fields, ContentInfo content,
        List<Entity> children, Entity message) {

    public int bodyStart() {
        return headerEnd;
    }

    public boolean isMultipart() {
        return !children.isEmpty();
    }
}
