package org.mailshelf.protocol.pop3;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.api.store.MessageNotFoundException;

/**
 * The INBOX as one POP3 session sees it: a snapshot taken at login, numbered 1..n (RFC 1939 §5), with the
 * session's deletion marks. Messages that arrive later are not part of it; messages expunged by another client
 * stay numbered but cannot be read.
 */
final class Maildrop {

    private final MailStore store;
    private final String account;
    private final MailboxInfo inbox;
    private final List<MessageMeta> messages;
    private final BitSet deleted = new BitSet();

    private Maildrop(MailStore store, String account, MailboxInfo inbox, List<MessageMeta> messages) {
        this.store = store;
        this.account = account;
        this.inbox = inbox;
        this.messages = messages;
    }

    /** @throws RuntimeException whatever the store throws */
    static Maildrop open(MailStore store, String account) {
        MailboxInfo inbox = store.mailbox(account, MailboxInfo.INBOX).orElseGet(() -> create(store, account));
        return new Maildrop(store, account, inbox, List.copyOf(store.messages(inbox.id())));
    }

    private static MailboxInfo create(MailStore store, String account) {
        try {
            return store.createMailbox(account, MailboxInfo.INBOX);
        } catch (MailboxExistsException e) { // made by someone else meanwhile
            return store.mailbox(account, MailboxInfo.INBOX).orElseThrow(() -> e);
        }
    }

    String account() {
        return account;
    }

    /** Message numbers run from 1 to this, deleted ones included. */
    int highestNumber() {
        return messages.size();
    }

    boolean isDeleted(int number) {
        return deleted.get(number - 1);
    }

    /** The message of a number that exists and is not marked deleted. */
    MessageMeta message(int number) {
        if (number < 1 || number > messages.size()) {
            throw new Pop3Error("No such message");
        }
        if (isDeleted(number)) {
            throw new Pop3Error("message " + number + " is deleted");
        }
        return messages.get(number - 1);
    }

    /** The stored bytes of a message. */
    byte[] content(int number) {
        MessageMeta meta = message(number);
        try {
            return store.content(inbox.id(), meta.uid());
        } catch (MessageNotFoundException e) {
            throw new Pop3Error("message " + number + " was removed by another session");
        } catch (RuntimeException e) {
            throw new Pop3Error("[SYS/TEMP] Cannot read message " + number);
        }
    }

    /** Unique-id listing (RFC 1939 §7): UIDVALIDITY and UID never repeat together, and fit in 41 printable chars. */
    String uniqueId(int number) {
        return inbox.uidValidity() + "." + message(number).uid();
    }

    void delete(int number) {
        message(number);
        deleted.set(number - 1);
    }

    void undeleteAll() {
        deleted.clear();
    }

    int count() {
        return messages.size() - deleted.cardinality();
    }

    long octets() {
        long sum = 0;
        for (int n = 1; n <= messages.size(); n++) {
            if (!isDeleted(n)) {
                sum += messages.get(n - 1).size();
            }
        }
        return sum;
    }

    /** The UPDATE state: removes the messages marked deleted. @return how many were marked */
    int expungeDeleted() {
        List<Long> uids = new ArrayList<>();
        deleted.stream().forEach(i -> uids.add(messages.get(i).uid()));
        if (!uids.isEmpty()) {
            store.expunge(inbox.id(), uids);
        }
        return uids.size();
    }
}
