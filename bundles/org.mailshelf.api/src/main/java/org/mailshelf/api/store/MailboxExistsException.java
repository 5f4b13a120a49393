package org.mailshelf.api.store;

public class MailboxExistsException extends StoreException {
    private static final long serialVersionUID = 1L;

    public MailboxExistsException(String mailbox) {
        super("Mailbox already exists: " + mailbox);
    }
}
