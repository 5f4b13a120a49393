package org.mailshelf.protocol.imap.fetch;

/**
 * One fetch-att of a FETCH command (RFC 3501 section 6.4.5): a simple {@link FetchAttribute} or a
 * {@link BodySection}. Each knows the name its response item carries.
 */
public sealed interface FetchItem permits FetchAttribute, BodySection {

    /** The name of the response item, e.g. {@code RFC822.SIZE} or {@code BODY[1.MIME]<0>}. */
    String responseName();
}
