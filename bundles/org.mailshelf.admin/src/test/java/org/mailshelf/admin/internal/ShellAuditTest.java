package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Which shell lines are audited, and that passwords never reach the audit log. */
public class ShellAuditTest {

    @Test
    public void auditsCommandsThatChangeSomething() {
        for (String line : new String[] {"stop 12", "felix:start 12", "install file:/tmp/x.jar", "update 5",
            "mailshelf:useradd jana pw", "uninstall 3", "lb; stop 4"}) {
            assertTrue(line, ShellAudit.changes(line));
        }
        for (String line : new String[] {"lb", "felix:lb -s", "mailshelf:users", "headers 4", "scr:list",
            "cat /tmp/start.txt", "startlevel"}) {
            assertFalse(line, ShellAudit.changes(line));
        }
    }

    @Test
    public void leavesPasswordsOut() {
        assertEquals("mailshelf:useradd jana ***", ShellAudit.withoutSecrets("mailshelf:useradd jana s3cret"));
        assertEquals("passwd jana ***", ShellAudit.withoutSecrets("passwd jana new pass"));
        assertEquals("stop 12", ShellAudit.withoutSecrets("stop 12"));
    }
}
