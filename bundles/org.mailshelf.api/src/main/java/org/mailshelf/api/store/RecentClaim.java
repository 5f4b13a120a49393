package org.mailshelf.api.store;

/**
 * The messages a session took as \Recent with {@link MailStore#claimRecentRange}: those with
 * {@code from <= uid < until}. A message delivered after the claim is outside it, so no two sessions ever see
 * one message as recent.
 */
public record RecentClaim(long from, long until) {

    public boolean contains(long uid) {
        return uid >= from && uid < until;
    }
}
