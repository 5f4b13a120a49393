package org.mailshelf.api.store;

public class MessageNotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    public MessageNotFoundException(long mailboxId, long uid) {
        super("No message with UID " + uid + " in mailbox " + mailboxId);
    }
}
