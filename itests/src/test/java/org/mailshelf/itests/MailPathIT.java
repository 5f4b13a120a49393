package org.mailshelf.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;
import org.apache.commons.net.pop3.POP3Reply;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The first complete mail path on the real bundles and Derby: LMTP delivery by Python's smtplib.LMTP, download
 * by Apache Commons Net's POP3 client and Python's poplib.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailPathIT extends MailshelfTestSupport {

    private static final String POP_FETCH_ALL = String.join("\n",
            "import poplib, sys",
            "p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=10)",
            "p.user(sys.argv[2]); p.pass_(sys.argv[3])",
            "n = p.stat()[0]",
            "for i in range(1, n + 1):",
            "    print(b'\\n'.join(p.retr(i)[1]).decode('utf-8'))",
            "    print('----')",
            "    if sys.argv[4] == 'delete': p.dele(i)",
            "print(p.quit().decode())");

    private UserAdmin users;
    private MailStore store;

    @Before
    public void ready() throws Exception {
        users = service(UserAdmin.class);
        store = service(MailStore.class);
        awaitListening("lmtp", "pop3");
    }

    private void user(String name, String password) {
        if (!users.exists(name)) {
            users.create(name, password.toCharArray());
        }
    }

    @Test
    public void lmtpDeliversToKnownRecipientsAndRefusesUnknownOnes() throws Exception {
        user("anna", "anna-pw");
        user("ben", "ben-pw");
        String refused = deliver("sender@example.org", "anna@example.com,ghost@example.com,ben",
                "Subject: hello\r\n\r\nHi all\r\n");
        assertTrue(refused, refused.contains("ghost@example.com") && refused.contains("550"));
        assertFalse(refused, refused.contains("anna"));
        for (String account : List.of("anna", "ben")) {
            MailboxInfo inbox = store.mailbox(account, MailboxInfo.INBOX).orElseThrow();
            String stored = new String(store.content(inbox.id(), store.messages(inbox.id()).get(0).uid()),
                    StandardCharsets.UTF_8);
            assertTrue(stored, stored.startsWith("Return-Path: <sender@example.org>\r\n"));
            assertTrue(stored, stored.endsWith("Hi all\r\n"));
        }
    }

    @Test
    public void commonsNetDownloadsByteExactLeavesOnServerThenDeletes() throws Exception {
        user("carl", "carl-pw");
        String body = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nend\r\n";
        deliver("a@example.org", "carl", body);
        deliver("a@example.org", "carl", "Subject: second\r\n\r\n8-bit: gr\u00fc\u00dfe\r\n");

        String firstUidl;
        POP3Client pop = connect("carl", "carl-pw");
        try {
            POP3MessageInfo[] list = pop.listMessages();
            assertEquals(2, list.length);
            firstUidl = pop.listUniqueIdentifier(1).identifier;
            String retrieved = read(pop.retrieveMessage(1));
            assertEquals("Return-Path: <a@example.org>\r\n" + body, retrieved);
            assertEquals(list[0].size, retrieved.getBytes(StandardCharsets.UTF_8).length);
            String top = read(pop.retrieveMessageTop(2, 0));
            assertTrue(top, top.contains("Subject: second") && !top.contains("8-bit"));
        } finally {
            pop.logout(); // QUIT without DELE: leave on server
            pop.disconnect();
        }

        pop = connect("carl", "carl-pw");
        try {
            assertEquals(2, pop.status().number);
            assertEquals(firstUidl, pop.listUniqueIdentifier(1).identifier);
            assertTrue(pop.deleteMessage(1));
            assertEquals(1, pop.status().number);
            assertTrue(pop.reset());
            assertEquals(2, pop.status().number);
            assertTrue(pop.deleteMessage(1));
            assertTrue(pop.logout());
        } finally {
            pop.disconnect();
        }

        pop = connect("carl", "carl-pw");
        try {
            assertEquals(1, pop.status().number);
            assertFalse(firstUidl.equals(pop.listUniqueIdentifier(1).identifier));
        } finally {
            pop.logout();
            pop.disconnect();
        }
    }

    @Test
    public void droppedConnectionDeletesNothingAndSecondSessionIsInUse() throws Exception {
        user("dora", "dora-pw");
        deliver("a@example.org", "dora", "Subject: keep me\r\n\r\nx\r\n");
        POP3Client first = connect("dora", "dora-pw");
        POP3Client second = new POP3Client();
        second.connect("127.0.0.1", port("pop3"));
        assertFalse(second.login("dora", "dora-pw"));
        assertTrue(second.getReplyString(), second.getReplyString().startsWith("-ERR [IN-USE]"));
        second.disconnect();

        assertTrue(first.deleteMessage(1));
        first.disconnect(); // dropped without QUIT: the deletion must not happen

        POP3Client again = awaitLogin("dora", "dora-pw");
        assertEquals(1, again.status().number);
        again.logout();
        again.disconnect();
    }

    @Test
    public void wrongPasswordIsRefusedWithAuthCodeAndSessionGoesOn() throws Exception {
        user("emil", "emil-pw");
        POP3Client pop = new POP3Client();
        pop.connect("127.0.0.1", port("pop3"));
        long t0 = System.nanoTime();
        assertFalse(pop.login("emil", "wrong"));
        long delayMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(pop.getReplyString(), pop.getReplyString().startsWith("-ERR [AUTH]"));
        // the failure is held back by the configured first.delay (300 ms here, 2 s by default)
        assertTrue(delayMs + " ms", delayMs >= 250 && delayMs < 1500);
        assertFalse(pop.login("nobody", "x"));
        assertEquals(POP3Reply.ERROR, pop.sendCommand("BOGUS"));
        assertTrue(pop.login("emil", "emil-pw"));
        pop.logout();
        pop.disconnect();
    }

    @Test
    public void failuresOverImapAndPop3CountTogether() throws Exception {
        user("hana", "hana-pw");
        String imap = python(String.join("\n",
                "import imaplib, sys",
                "M = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))",
                "try:",
                "    M.login('hana', 'guess-1')",
                "except imaplib.IMAP4.error as e:",
                "    print('refused', e)"), Integer.toString(port("imap")));
        assertTrue(imap, imap.contains("refused") && imap.contains("AUTHENTICATIONFAILED"));

        POP3Client pop = new POP3Client();
        pop.connect("127.0.0.1", port("pop3"));
        long t0 = System.nanoTime();
        assertFalse(pop.login("hana", "guess-2"));
        long delayMs = (System.nanoTime() - t0) / 1_000_000;
        // the second failure of the account, whichever listener saw the first: twice the 300 ms first delay
        assertTrue(delayMs + " ms", delayMs >= 550);
        assertTrue(pop.login("hana", "hana-pw"));
        pop.logout();
        pop.disconnect();
    }

    @Test
    public void pythonPoplibDownloadsAndDeletes() throws Exception {
        user("fay", "fay-pw");
        deliver("a@example.org", "fay", "Subject: one\r\n\r\nfirst\r\n");
        deliver("a@example.org", "fay", "Subject: two\r\n\r\nsecond\r\n");
        String out = python(POP_FETCH_ALL, Integer.toString(port("pop3")), "fay", "fay-pw", "delete");
        assertTrue(out, out.contains("Subject: one") && out.contains("Subject: two"));
        assertTrue(out, out.contains("+OK"));
        MailboxInfo inbox = store.mailbox("fay", MailboxInfo.INBOX).orElseThrow();
        assertEquals(0, store.messages(inbox.id()).size());
    }

    @Test
    public void storedBytesAreWhatWasDelivered() throws Exception {
        user("gus", "gus-pw");
        deliver("a@example.org", "gus", "Subject: exact\r\n\r\nline1\r\nline2\r\n");
        MailboxInfo inbox = store.mailbox("gus", MailboxInfo.INBOX).orElseThrow();
        byte[] stored = store.content(inbox.id(), store.messages(inbox.id()).get(0).uid());
        assertArrayEquals("Return-Path: <a@example.org>\r\nSubject: exact\r\n\r\nline1\r\nline2\r\n"
                .getBytes(StandardCharsets.UTF_8), stored);
    }

    private POP3Client connect(String user, String password) throws Exception {
        POP3Client pop = new POP3Client();
        pop.setDefaultTimeout(10_000);
        pop.connect("127.0.0.1", port("pop3"));
        assertTrue(pop.getReplyString(), pop.login(user, password));
        return pop;
    }

    /** The lock of a dropped session is released when the server notices the close: retry briefly. */
    private POP3Client awaitLogin(String user, String password) throws Exception {
        long end = System.currentTimeMillis() + 5000;
        while (true) {
            POP3Client pop = new POP3Client();
            pop.connect("127.0.0.1", port("pop3"));
            if (pop.login(user, password)) {
                return pop;
            }
            pop.disconnect();
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("still locked: " + pop.getReplyString());
            }
            Thread.sleep(100);
        }
    }

    private static String read(Reader reader) throws Exception {
        assertNotNull(reader);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while ((c = reader.read()) != -1) {
            out.write(c);
        }
        reader.close();
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
