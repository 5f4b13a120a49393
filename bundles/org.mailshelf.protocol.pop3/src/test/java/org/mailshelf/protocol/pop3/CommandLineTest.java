package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import org.junit.Test;

public class CommandLineTest {

    @Test
    public void parsesVerbCaseInsensitivelyAndKeepsTheArgumentRaw() {
        assertEquals(new CommandLine("PASS", " two  spaces "), CommandLine.parse("pass  two  spaces "));
        assertEquals(new CommandLine("STAT", ""), CommandLine.parse("stat"));
    }

    @Test
    public void toStringNeverShowsCredentials() {
        assertEquals("PASS <hidden>", CommandLine.parse("PASS secret").toString());
        assertEquals("AUTH <hidden>", CommandLine.parse("AUTH PLAIN AGFsaWNlAHNlY3JldA==").toString());
        assertEquals("RETR 1", CommandLine.parse("retr 1").toString());
        assertFalse(new SaslPlain.Credentials("alice", "secret".toCharArray()).toString().contains("secret"));
    }

    @Test
    public void maildropLocksAreExclusive() {
        MaildropLocks locks = new MaildropLocks();
        assertEquals(true, locks.tryLock("alice"));
        assertEquals(false, locks.tryLock("alice"));
        assertEquals(true, locks.tryLock("bob"));
        locks.unlock("alice");
        assertEquals(true, locks.tryLock("alice"));
    }
}
