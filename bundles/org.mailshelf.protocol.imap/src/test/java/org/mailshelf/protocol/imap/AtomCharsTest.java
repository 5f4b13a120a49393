package org.mailshelf.protocol.imap;

import static org.mailshelf.protocol.imap.ImapFixture.HELLO;

import org.junit.Test;

/** Mailbox names as bare atoms with every non-alphanumeric ATOM-CHAR, "[" included (imaptest's "atoms" test). */
public class AtomCharsTest {

    private final ImapFixture f = new ImapFixture();

    @Test
    public void bracketAndOtherAtomCharsInMailboxNames() {
        f.run(HELLO + """
                C: 1 SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}
                S: 1 NO [CANNOT] Mailbox name is not valid modified UTF-7
                C: 2 LIST "" !#$&'+,-.0123456789:;<=>?@^_`|[}%*
                S: 2 OK LIST completed
                C: 3 CREATE a[b
                S: 3 OK CREATE completed
                C: 4 LIST "" a[b
                S: * LIST (\\HasNoChildren) "/" a[b
                S: 4 OK LIST completed
                C: 5 STATUS a[b (MESSAGES)
                S: * STATUS a[b (MESSAGES 0)
                S: 5 OK STATUS completed
                C: 6 DELETE a[b
                S: 6 OK DELETE completed
                C: 7 LIST "" a[b
                S: 7 OK LIST completed
                C: 8 CREATE [Gmail]/Sent
                S: 8 OK CREATE completed
                C: 9 LIST "" [Gmail]/%
                S: * LIST (\\HasNoChildren) "/" [Gmail]/Sent
                S: 9 OK LIST completed
                """);
    }
}
