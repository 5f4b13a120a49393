package org.mailshelf.protocol.imap.message;

import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageStructure;

/**
 * One message of the selected mailbox as FETCH and SEARCH see it. Metadata is at hand; the structure and the
 * content are loaded only when asked for (and then kept), so FETCH FLAGS or SEARCH SEEN never touch them.
 */
public interface MessageView {

    /** The message sequence number in this session's view (1-based). */
    long msn();

    long uid();

    /** UID, mod-sequence, size, internal date and flags as this session currently knows them. */
    MessageMeta meta();

    /** Whether the message is \Recent in this session. */
    boolean recent();

    /** The MIME analysis stored with the message at delivery. */
    MessageStructure structure();

    /** The exact stored bytes. */
    byte[] content();
}
