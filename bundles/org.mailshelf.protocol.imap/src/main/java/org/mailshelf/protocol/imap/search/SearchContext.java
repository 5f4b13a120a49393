package org.mailshelf.protocol.imap.search;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What SEARCH keys need beyond the message itself.
 *
 * @param highestMsn the highest message sequence number in the session's view (what {@code *} means in a bare
 *                   sequence set); 0 for an empty mailbox
 * @param highestUid the UID of the last message in the session's view (what {@code *} means in UID)
 * @param zone       the zone in which an INTERNALDATE's date is taken for BEFORE, ON and SINCE; RFC 3501 says
 *                   only "disregarding time and timezone", so this is the server's choice. {@link ZoneOffset#UTC}
 *                   unless configured: predictable, and the same on every server of a deployment
 */
public record SearchContext(long highestMsn, long highestUid, ZoneId zone) {

    public SearchContext {
        Objects.requireNonNull(zone);
    }

    /** Internal dates taken in UTC. */
    public SearchContext(long highestMsn, long highestUid) {
        this(highestMsn, highestUid, ZoneOffset.UTC);
    }
}
