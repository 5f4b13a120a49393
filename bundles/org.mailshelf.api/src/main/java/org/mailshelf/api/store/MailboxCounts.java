package org.mailshelf.api.store;

/**
 * What IMAP STATUS and SELECT report of a mailbox, read in one consistent look.
 *
 * @param messages      how many messages the mailbox holds
 * @param unseen        how many of them lack {@code \Seen}
 * @param size          the sum of their sizes in bytes (STATUS=SIZE, RFC 8438)
 * @param uidNext       the UID the next message will get at the least
 * @param uidValidity   the mailbox's UIDVALIDITY
 * @param highestModSeq the highest mod-sequence of any change in the mailbox
 */
public record MailboxCounts(int messages, int unseen, long size, long uidNext, long uidValidity,
        long highestModSeq) {
}
