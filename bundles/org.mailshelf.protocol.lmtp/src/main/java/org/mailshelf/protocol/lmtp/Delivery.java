package org.mailshelf.protocol.lmtp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.api.store.MailboxExistsException;
import org.mailshelf.protocol.lmtp.SessionState.MailTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a received message into each recipient's INBOX and says, per accepted RCPT and in RCPT order, what became
 * of it (RFC 2033 4.2). An account named by several RCPTs (say {@code bob} and {@code bob@example.com}) gets the
 * message once; each of those RCPTs is answered with that one outcome.
 */
final class Delivery {

    private final MailStore store;

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    Delivery(MailStore store) {
        this.store = store;
    }

    List<Reply> deliver(MailTransaction transaction, IncomingMessage message) {
        List<Recipient> recipients = transaction.recipients();
        if (message.refusal() != null) {
            return Collections.nCopies(recipients.size(), message.refusal());
        }
        byte[] content = message.content();
        Instant arrival = Instant.now();
        Map<String, Boolean> stored = new HashMap<>();
        List<Reply> replies = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            boolean ok = stored.computeIfAbsent(recipient.account(), account -> store(account, content, arrival));
            replies.add(ok
                    ? Reply.of(250, "2.0.0 <" + recipient.address() + "> Delivered")
                    : Reply.of(451, "4.3.0 <" + recipient.address() + "> Temporary failure"));
        }
        return replies;
    }

    /** @return whether the message is durably stored: append returned */
    private boolean store(String account, byte[] content, Instant arrival) {
        try {
            store.append(inbox(account), content, Flags.NONE, arrival);
            return true;
        } catch (RuntimeException e) {
            // any store failure (not only StoreException) must leave the other recipients' answers intact;
            // a 4xx makes the client keep the message and try again
            LOG.warn("LMTP delivery of {} bytes to {} failed; answered 451: {}", content.length, account,
                    e.toString(), e);
            return false;
        }
    }

    private long inbox(String account) {
        return store.mailbox(account, MailboxInfo.INBOX).map(MailboxInfo::id).orElseGet(() -> create(account));
    }

    private long create(String account) {
        try {
            return store.createMailbox(account, MailboxInfo.INBOX).id();
        } catch (MailboxExistsException raced) {
            // another delivery made it just now
            return store.mailbox(account, MailboxInfo.INBOX).orElseThrow(() -> raced).id();
        }
    }
}
