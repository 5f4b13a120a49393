package org.mailshelf.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the changes a store makes to one mailbox. Must return quickly and never throw. */
@ConsumerType
@FunctionalInterface
public interface MailboxListener {
    void changed(MailboxEvent event);
}
