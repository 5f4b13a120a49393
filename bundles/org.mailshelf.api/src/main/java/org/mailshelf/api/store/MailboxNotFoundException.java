package org.mailshelf.api.store;

public class MailboxNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public MailboxNotFoundException(String mailbox) {
        super("No such mailbox: " + mailbox);
    }
}
