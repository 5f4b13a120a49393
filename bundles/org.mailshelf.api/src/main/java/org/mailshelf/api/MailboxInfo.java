package org.mailshelf.api;

/**
 * A mailbox as a store sees it at one moment.
 *
 * @param id            the store's key for the mailbox; changes if the mailbox is deleted and made again
 * @param user          the owning account
 * @param name          the full name, hierarchy separated by {@code /}; {@code INBOX} is always upper case
 * @param uidValidity   stays the same as long as UIDs keep their meaning
 * @param uidNext       the UID the next message will get at the least
 * @param highestModSeq the highest mod-sequence of any change in the mailbox
 */
public record MailboxInfo(long id, String user, String name, long uidValidity, long uidNext, long highestModSeq) {

    public static final String INBOX = "INBOX";
}
