package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/** Audit lines that no value can forge, and the console page's reading of the newest ones. */
public class AuditLogTest {

    @Test
    public void writesOneLineWhateverTheValues() {
        assertEquals("admin=admin from=127.0.0.1 via=console action=bundle.stop target=\"org.mailshelf.imap (id 3)\""
                + " result=\"ok (200)\"", AuditLog.line(new AuditLog.Entry("admin", "127.0.0.1", "console",
                        "bundle.stop", "org.mailshelf.imap (id 3)", "ok (200)")));
        assertEquals("\"x_ admin=root_\"", AuditLog.value("x\n admin=root\""));
        assertEquals("-", AuditLog.value(null));
        assertEquals(300, AuditLog.value("a".repeat(1000)).length());
    }

    @Test
    public void readsTheNewestLinesFirst() throws Exception {
        Path file = Files.createTempFile("audit", ".log");
        try {
            assertEquals(List.of(), AuditLog.latest(file.resolveSibling("none.log"), 5));
            Files.writeString(file, "one\ntwo\nthree\n");
            assertEquals(List.of("three", "two"), AuditLog.latest(file, 2));
            Files.writeString(file, "x".repeat(300 * 1024) + "\nlast\n");
            assertEquals("a line cut by the tail is dropped", List.of("last"), AuditLog.latest(file, 5));
        } finally {
            Files.delete(file);
        }
    }
}
