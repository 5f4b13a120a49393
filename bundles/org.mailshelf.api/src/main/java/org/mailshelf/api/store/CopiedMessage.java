package org.mailshelf.api.store;

import org.mailshelf.api.MessageMeta;

/**
 * One message copied or moved by {@link MailStore#copy} or {@link MailStore#move}: what UIDPLUS reports in
 * COPYUID.
 *
 * @param sourceUid the message's UID in the source mailbox
 * @param copy      the message as stored in the target mailbox: new UID and mod-sequence, same size, internal
 *                  date and flags
 */
public record CopiedMessage(long sourceUid, MessageMeta copy) {
}
