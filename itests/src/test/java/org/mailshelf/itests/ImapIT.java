package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.apache.commons.net.pop3.POP3Client;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * IMAP on the real bundles and Derby, driven by Python's imaplib and by a raw socket for IDLE, together with
 * LMTP delivery and POP3 on the same account.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ImapIT extends MailshelfTestSupport {

    @Before
    public void ready() throws Exception {
        UserAdmin users = service(UserAdmin.class);
        for (String name : new String[] {"kim", "lea", "max"}) {
            if (!users.exists(name)) {
                users.create(name, (name + "-pw").toCharArray());
            }
        }
        awaitListening("imap", "lmtp", "pop3");
    }

    private String imaplib(String body, String user) throws Exception {
        String script = String.join("\n",
                "import imaplib, sys",
                "M = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))",
                "M.login(sys.argv[2], sys.argv[3])",
                body,
                "M.logout()");
        return python(script, Integer.toString(port("imap")), user, user + "-pw");
    }

    @Test
    public void imaplibReadsFlagsFoldersAppendsCopiesAndExpunges() throws Exception {
        assertEquals("[]", deliver("a@example.org", "kim", "Subject: first\r\nFrom: Ann <ann@example.org>\r\n\r\nhello imap\r\n"));
        String out = imaplib(String.join("\n",
                "print(M.capability())",
                "typ, data = M.select('INBOX'); print('select', typ, data)",
                "typ, data = M.fetch('1', '(FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])'); print('fetch', data)",
                "typ, data = M.fetch('1', '(BODY[TEXT])'); print('text', data)",
                "typ, data = M.fetch('1', '(FLAGS)'); print('seen', data)",
                "typ, data = M.search(None, 'SUBJECT', 'first'); print('search', data)",
                "print('create', M.create('Work/Projects'))",
                "typ, data = M.list(); print('list', data)",
                "print('copy', M.copy('1', 'Work/Projects'))",
                "print('append', M.append('Work/Projects', '(\\\\Flagged)', None, b'Subject: appended\\r\\n\\r\\nbody\\r\\n'))",
                "typ, data = M.status('Work/Projects', '(MESSAGES UNSEEN)'); print('status', data)",
                "print('store', M.store('1', '+FLAGS', '\\\\Deleted'))",
                "print('expunge', M.expunge())",
                "typ, data = M.select('INBOX'); print('after', data)"), "kim");
        assertTrue(out, out.contains("IMAP4rev1"));
        assertTrue(out, out.contains("select OK [b'1']"));
        assertTrue(out, out.contains("Subject: first"));
        assertTrue(out, out.contains("hello imap"));
        assertTrue(out, out.contains("\\\\Seen"));
        assertTrue(out, out.contains("search [b'1']"));
        assertTrue(out, out.contains("Work/Projects"));
        assertTrue(out, out.contains("status [b'\"Work/Projects\" (MESSAGES 2 UNSEEN 1)']")
                || out.contains("status [b'Work/Projects (MESSAGES 2 UNSEEN 1)']"));
        assertTrue(out, out.contains("expunge ('OK', [b'1'])"));
        assertTrue(out, out.contains("after [b'0']"));
    }

    @Test
    public void idleSeesLmtpDeliveryWithinOneSecond() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port("imap"))) {
            s.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            assertTrue(in.readLine().startsWith("* OK"));
            out.write("a LOGIN lea lea-pw\r\nb SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            while (!(line = in.readLine()).startsWith("b ")) {
                // untagged SELECT data
            }
            assertTrue(line, line.startsWith("b OK"));
            out.write("c IDLE\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("+"));
            long t0 = System.nanoTime();
            assertEquals("[]", deliver("a@example.org", "lea", "Subject: pushed\r\n\r\nnow\r\n"));
            String exists = in.readLine();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("* 1 EXISTS", exists);
            assertTrue("IDLE heard of the delivery after " + ms + " ms", ms < 1000);
            out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
            while (!(line = in.readLine()).startsWith("c ")) {
                // RECENT and the like
            }
            assertTrue(line, line.startsWith("c OK"));
        }
    }

    @Test
    public void aMessageDeletedOverPop3DisappearsForImap() throws Exception {
        deliver("a@example.org", "max", "Subject: one\r\n\r\n1\r\n");
        deliver("a@example.org", "max", "Subject: two\r\n\r\n2\r\n");
        POP3Client pop = new POP3Client();
        pop.connect("127.0.0.1", port("pop3"));
        assertTrue(pop.login("max", "max-pw"));
        assertTrue(pop.deleteMessage(1));
        assertTrue(pop.logout());
        pop.disconnect();
        String out = imaplib(String.join("\n",
                "typ, data = M.select('INBOX'); print('count', data)",
                "typ, data = M.fetch('1:*', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])'); print('left', data)"), "max");
        assertTrue(out, out.contains("count [b'1']"));
        assertTrue(out, out.contains("Subject: two") && !out.contains("Subject: one"));
    }
}
