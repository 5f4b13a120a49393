package org.mailshelf.protocol.imap;

import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.store.MailStore;
import org.mailshelf.mime.MessageStructure;
import org.mailshelf.protocol.imap.message.MessageView;

/**
 * One message of the selected mailbox for FETCH and SEARCH: metadata from the session's view, structure and
 * content read from the store only when asked for, then kept. If another session expunged the message, reading
 * them throws {@link org.mailshelf.api.store.MessageNotFoundException}; the command reports that message as
 * gone.
 */
final class SelectedMessage implements MessageView {

    private final MailStore store;
    private final SelectedMailbox mailbox;
    private final int msn;
    private byte[] storedStructure;
    private MessageStructure structure;
    private byte[] content;

    SelectedMessage(MailStore store, SelectedMailbox mailbox, int msn) {
        this(store, mailbox, msn, null, null);
    }

    /** With the stored structure and the content already read, where not null. */
    SelectedMessage(MailStore store, SelectedMailbox mailbox, int msn, byte[] storedStructure, byte[] content) {
        this.store = store;
        this.mailbox = mailbox;
        this.msn = msn;
        this.storedStructure = storedStructure;
        this.content = content;
    }

    @Override
    public long msn() {
        return msn;
    }

    @Override
    public long uid() {
        return mailbox.uid(msn);
    }

    @Override
    public MessageMeta meta() {
        return mailbox.meta(msn);
    }

    @Override
    public boolean recent() {
        return mailbox.isRecent(msn);
    }

    @Override
    public MessageStructure structure() {
        if (structure == null) {
            structure = loadStructure();
        }
        return structure;
    }

    @Override
    public byte[] content() {
        if (content == null) {
            content = store.content(mailbox.id(), uid());
        }
        return content;
    }

    /** The analysis stored at delivery. */
    private MessageStructure loadStructure() {
        byte[] stored = storedStructure != null ? storedStructure : store.structure(mailbox.id(), uid());
        storedStructure = null;
        return MessageStructure.fromBytes(stored);
    }
}
