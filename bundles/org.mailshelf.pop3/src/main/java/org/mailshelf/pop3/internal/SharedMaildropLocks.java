package org.mailshelf.pop3.internal;

import org.mailshelf.protocol.pop3.MaildropLocks;
import org.osgi.service.component.annotations.Component;

/**
 * The maildrop locks every POP3 listener of this process shares, so a second session on an account is refused
 * whichever port it came in on.
 */
@Component(service = SharedMaildropLocks.class)
public class SharedMaildropLocks {
    private final MaildropLocks locks = new MaildropLocks();

    public MaildropLocks locks() {
        return locks;
    }
}
