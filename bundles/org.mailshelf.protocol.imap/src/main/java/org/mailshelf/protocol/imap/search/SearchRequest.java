package org.mailshelf.protocol.imap.search;

import java.util.Objects;

import org.mailshelf.protocol.imap.search.SearchKey.Cost;

/**
 * A parsed SEARCH (or UID SEARCH) command.
 *
 * @param key           the criteria; several top-level keys are one {@link SearchKey.And}
 * @param returnOptions the RFC 4731 result options, or null for a plain SEARCH answered with {@code * SEARCH}
 */
public record SearchRequest(SearchKey key, ReturnOptions returnOptions) {

    public SearchRequest {
        Objects.requireNonNull(key);
    }

    /** Whether the answer is {@code * ESEARCH} (a RETURN option was given). */
    public boolean extended() {
        return returnOptions != null;
    }

    /** Whether some message will need {@link org.mailshelf.protocol.imap.message.MessageView#structure()}. */
    public boolean needsStructure() {
        return key.cost().compareTo(Cost.STRUCTURE) >= 0;
    }

    /** Whether some message will need {@link org.mailshelf.protocol.imap.message.MessageView#content()}. */
    public boolean needsContent() {
        return key.cost() == Cost.CONTENT;
    }

    /**
     * Whether a MODSEQ key was used: then the response carries the highest mod-sequence of the results
     * (RFC 7162 section 3.1.5), and the session has become CONDSTORE-enabled.
     */
    public boolean usesModSeq() {
        return key.any(k -> k instanceof SearchKey.ModSeq);
    }
}
