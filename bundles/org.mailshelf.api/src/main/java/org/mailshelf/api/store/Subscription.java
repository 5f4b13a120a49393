package org.mailshelf.api.store;

/** A registration of a {@link MailboxListener}; closing it is idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
