package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.api.auth.UserAdmin;
import org.mailshelf.api.store.MailStore;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A two-way sync with mbsync (isync) between the IMAP listener and a local Maildir: the first sync copies the
 * server's folders down; changes made on both sides afterwards (flags, deletions, new messages, a new folder)
 * meet after the second sync; a third sync finds nothing left to do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MbsyncIT extends MailshelfTestSupport {

    private static final Pattern SUBJECT = Pattern.compile("^Subject: (.*)$", Pattern.MULTILINE);

    private MailStore store;
    private Path home;

    @Before
    public void ready() throws Exception {
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("sync")) {
            users.create("sync", "sync-pw".toCharArray());
        }
        store = service(MailStore.class);
        awaitListening("imap", "lmtp");
        home = Files.createTempDirectory("mbsync-it");
        Files.createDirectories(home.resolve("folders"));
        Files.writeString(home.resolve("mbsyncrc"), String.join("\n",
                "IMAPAccount mailshelf",
                "Host 127.0.0.1",
                "Port " + port("imap"),
                "User sync",
                "Pass sync-pw",
                "SSLType None", // isync 1.4 spelling (TLSType from 1.5 on)
                "AuthMechs LOGIN", // LOGIN without TLS must be asked for explicitly
                "Timeout 20",
                "",
                "IMAPStore server",
                "Account mailshelf",
                "",
                "MaildirStore local",
                "Path " + home.resolve("folders") + "/",
                "Inbox " + home.resolve("inbox"),
                "SubFolders Verbatim",
                "",
                "Channel mailshelf",
                "Far :server:",
                "Near :local:",
                "Patterns *",
                "Create Both",
                "Expunge Both",
                "SyncState *",
                ""));
    }

    @Test
    public void twoWaySyncConverges() throws Exception {
        for (String subject : List.of("m1", "m2", "m3", "m4")) {
            assertEquals("[]", deliver("a@example.org", "sync",
                    "Subject: " + subject + "\r\nFrom: a@example.org\r\n\r\nbody of " + subject + "\r\n"));
        }
        String out = imaplib(String.join("\n",
                "print(M.create('Work'))",
                "print(M.append('Work', None, None, b'Subject: w1\\r\\n\\r\\nwork one\\r\\n'))"));
        assertTrue(out, out.contains("OK"));

        // first sync: everything comes down
        String sync1 = mbsync();
        Path inbox = home.resolve("inbox");
        Path work = home.resolve("folders/Work");
        Map<String, Path> local = messages(inbox);
        assertEquals(sync1, List.of("m1", "m2", "m3", "m4"), List.copyOf(local.keySet()));
        String m1 = Files.readString(local.get("m1"), StandardCharsets.UTF_8);
        assertTrue(sync1 + m1, m1.contains("Return-Path: <a@example.org>") && m1.contains("body of m1"));
        assertEquals(sync1, List.of("w1"), List.copyOf(messages(work).keySet()));
        assertTrue(Files.readString(messages(work).get("w1")).contains("work one"));

        // local changes: m1 read, m2 deleted, one new message in INBOX (new/), a flagged one in Work (cur/),
        // and a new folder with a message
        Path m1File = local.get("m1");
        assertTrue(m1File.toString(), m1File.getFileName().toString().matches(".*:2,[A-Z]*"));
        Files.move(m1File, m1File.resolveSibling(m1File.getFileName() + "S"));
        Files.delete(local.get("m2"));
        Files.writeString(inbox.resolve("new/1700000000.local1.ithost"),
                "Subject: local-new\nFrom: me@example.com\n\nwritten offline\n");
        Files.writeString(work.resolve("cur/1700000001.local2.ithost:2,F"),
                "Subject: local-work\nFrom: me@example.com\n\nflagged offline\n");
        Path archive = home.resolve("folders/Archive");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(archive.resolve(sub));
        }
        Files.writeString(archive.resolve("cur/1700000002.local3.ithost:2,S"),
                "Subject: archived\nFrom: me@example.com\n\nold\n");

        // server changes by another client: m3 flagged, m4 deleted and expunged, one appended
        out = imaplib(String.join("\n",
                "M.select('INBOX')",
                "def num(s): return M.search(None, 'SUBJECT', s)[1][0].decode()",
                "print(M.store(num('m3'), '+FLAGS', '\\\\Flagged'))",
                "print(M.store(num('m4'), '+FLAGS', '\\\\Deleted'))",
                "print('expunge', M.expunge())",
                "print(M.append('INBOX', None, None, b'Subject: remote-new\\r\\n\\r\\nfrom the server\\r\\n'))"));
        assertTrue(out, out.contains("expunge ('OK'"));

        String sync2 = mbsync();

        // server side
        Map<String, MessageMeta> server = serverMessages("INBOX");
        assertEquals(sync2, List.of("local-new", "m1", "m3", "remote-new"), List.copyOf(server.keySet()));
        assertTrue(sync2, server.get("m1").flags().has(Flags.SEEN));
        assertTrue(sync2, server.get("m3").flags().has(Flags.FLAGGED));
        assertFalse(sync2, server.get("m3").flags().has(Flags.SEEN));
        assertFalse(sync2, server.get("local-new").flags().has(Flags.SEEN));
        Map<String, MessageMeta> serverWork = serverMessages("Work");
        assertEquals(sync2, List.of("local-work", "w1"), List.copyOf(serverWork.keySet()));
        assertTrue(sync2, serverWork.get("local-work").flags().has(Flags.FLAGGED));
        Map<String, MessageMeta> serverArchive = serverMessages("Archive");
        assertEquals(sync2, List.of("archived"), List.copyOf(serverArchive.keySet()));
        assertTrue(sync2, serverArchive.get("archived").flags().has(Flags.SEEN));
        String uploaded = content("INBOX", server.get("local-new").uid());
        assertTrue(uploaded, uploaded.contains("written offline"));

        // local side
        local = messages(inbox);
        assertEquals(sync2, List.of("local-new", "m1", "m3", "remote-new"), List.copyOf(local.keySet()));
        assertTrue(sync2, flagsOf(local.get("m3")).contains("F"));
        assertTrue(sync2, flagsOf(local.get("m1")).contains("S"));
        assertTrue(Files.readString(local.get("remote-new")).contains("from the server"));
        assertTrue(sync2, local.get("local-new").getFileName().toString().contains(",U="));

        // nothing left to do
        String sync3 = mbsync();
        assertEquals(sync3, List.copyOf(server.keySet()), List.copyOf(serverMessages("INBOX").keySet()));
        assertEquals(sync3, List.copyOf(local.keySet()), List.copyOf(messages(inbox).keySet()));
        assertEquals(sync3, 2, serverMessages("Work").size());
        assertEquals(sync3, 2, messages(work).size());
    }

    private String imaplib(String body) throws Exception {
        return python(String.join("\n",
                "import imaplib, sys",
                "M = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]), timeout=10)",
                "M.login('sync', 'sync-pw')",
                body,
                "M.logout()"), Integer.toString(port("imap")));
    }

    /** Runs {@code mbsync -a} with a time limit; returns its output, fails on a non-zero exit. */
    private String mbsync() throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "mbsync", ".log");
        Process p = new ProcessBuilder("mbsync", "-V", "-c", home.resolve("mbsyncrc").toString(), "-a")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String out = "mbsync output:\n" + Files.readString(log) + "\n";
        assertTrue("mbsync did not finish in 60 s. " + out, done);
        assertEquals(out, 0, p.exitValue());
        return out;
    }

    /** The messages of a Maildir folder by subject. */
    private static Map<String, Path> messages(Path maildir) throws IOException {
        Map<String, Path> bySubject = new TreeMap<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Matcher m = SUBJECT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    String subject = m.find() ? m.group(1).strip() : file.getFileName().toString();
                    if (bySubject.put(subject, file) != null) {
                        throw new AssertionError("two messages with subject " + subject + " in " + maildir);
                    }
                }
            }
        }
        return bySubject;
    }

    private static String flagsOf(Path file) {
        String name = file.getFileName().toString();
        int i = name.lastIndexOf(":2,");
        return i < 0 ? "" : name.substring(i + 3);
    }

    private Map<String, MessageMeta> serverMessages(String mailbox) {
        MailboxInfo info = store.mailbox("sync", mailbox).orElseThrow(() -> new AssertionError("no " + mailbox));
        Map<String, MessageMeta> bySubject = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (MessageMeta meta : store.messages(info.id())) {
            Matcher m = SUBJECT.matcher(new String(store.content(info.id(), meta.uid()), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n"));
            String subject = m.find() ? m.group(1).strip() : "uid " + meta.uid();
            if (bySubject.put(subject, meta) != null) {
                duplicates.add(subject);
            }
        }
        assertTrue("duplicates on the server in " + mailbox + ": " + duplicates, duplicates.isEmpty());
        return bySubject;
    }

    private String content(String mailbox, long uid) {
        MailboxInfo info = store.mailbox("sync", mailbox).orElseThrow();
        return new String(store.content(info.id(), uid), StandardCharsets.UTF_8);
    }
}
