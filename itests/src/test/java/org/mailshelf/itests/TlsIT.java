package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
 * TLS with the certificate the TLS bundle made on first boot, checked by real clients that verify it (and the
 * host name localhost against its SANs): Python's imaplib, poplib and smtplib.LMTP over IMAPS, POP3S, STARTTLS
 * and STLS, curl, fetchmail, and openssl s_client offering TLS 1.1.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsIT extends MailshelfTestSupport {

    private Path certificate;

    @Before
    public void ready() throws Exception {
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("tia")) {
            users.create("tia", "tia-pw".toCharArray());
        }
        awaitListening("imap", "imaps", "pop3", "pop3s", "lmtp");
        certificate = Path.of(System.getProperty("mailshelf.data"), "tls", "server.crt");
        assertTrue(certificate + " was not made", Files.isRegularFile(certificate));
    }

    @Test
    public void imaplibOverImapsAndStartTlsVerifiesTheCertificate() throws Exception {
        assertEquals("[]", deliver("a@example.org", "tia", "Subject: over tls\r\n\r\nprivate words\r\n"));
        String out = python(String.join("\n",
                "import imaplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile=sys.argv[1])",
                "M = imaplib.IMAP4_SSL('localhost', int(sys.argv[2]), ssl_context=ctx)",
                "print('implicit', M.sock.version())",
                "M.login('tia', 'tia-pw')",
                "M.select('INBOX')",
                "n = M.search(None, 'SUBJECT', '\"over tls\"')[1][0].split()[-1]",
                "print(M.fetch(n, '(BODY[TEXT])')[1][0][1])",
                "M.logout()",
                "M = imaplib.IMAP4('localhost', int(sys.argv[3]))",
                "print('before', ' '.join(M.capabilities))",
                "print(M.starttls(ssl_context=ctx)[0])",
                "M.capabilities = M.capability()[1][0].decode().split()",
                "print('after', ' '.join(M.capabilities))",
                "print(M.login('tia', 'tia-pw')[0])",
                "M.logout()"), certificate.toString(), Integer.toString(port("imaps")), Integer.toString(port("imap")));
        assertTrue(out, out.matches("(?s).*implicit TLSv1\\.[23].*"));
        assertTrue(out, out.contains("private words"));
        assertTrue(out, out.matches("(?s).*before [^\\n]*STARTTLS.*"));
        assertTrue(out, out.matches("(?s).*after (?![^\\n]*STARTTLS)[^\\n]*AUTH=PLAIN.*"));
        assertTrue(out, out.contains("OK\nafter") || out.contains("OK\r\nafter"));
    }

    @Test
    public void poplibOverPop3sAndStls() throws Exception {
        assertEquals("[]", deliver("a@example.org", "tia", "Subject: pop\r\n\r\nby pop3s\r\n"));
        String out = python(String.join("\n",
                "import poplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile=sys.argv[1])",
                "p = poplib.POP3_SSL('localhost', int(sys.argv[2]), context=ctx)",
                "p.user('tia'); p.pass_('tia-pw')",
                "print('pop3s', p.stat()[0] >= 1)",
                "p.quit()",
                "p = poplib.POP3('localhost', int(sys.argv[3]))",
                "print('capa', sorted(p.capa()))",
                "print(p.stls(context=ctx).decode())",
                "p.user('tia'); p.pass_('tia-pw')",
                "print('stls', p.stat()[0] >= 1)",
                "p.quit()"), certificate.toString(), Integer.toString(port("pop3s")), Integer.toString(port("pop3")));
        assertTrue(out, out.contains("pop3s True"));
        assertTrue(out, out.contains("'STLS'"));
        assertTrue(out, out.contains("+OK Begin TLS negotiation now"));
        assertTrue(out, out.contains("stls True"));
    }

    @Test
    public void lmtpDeliversAfterStartTlsWhichIsAdvertisedOnlyBeforeIt() throws Exception {
        String out = python(String.join("\n",
                "import smtplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile=sys.argv[1])",
                "c = smtplib.LMTP('localhost', int(sys.argv[2]))",
                "c.ehlo()",
                "print('before', c.has_extn('starttls'))",
                "print(c.starttls(context=ctx)[0], c.sock.version())",
                "c.ehlo()",
                "print('after', c.has_extn('starttls'))",
                "print('refused', c.sendmail('a@example.org', ['tia'], sys.argv[3].encode()))",
                "c.quit()"), certificate.toString(), Integer.toString(port("lmtp")),
                "Subject: lmtp over tls\r\n\r\nsealed words\r\n");
        assertTrue(out, out.contains("before True"));
        assertTrue(out, out.matches("(?s).*220 TLSv1\\.[23].*"));
        assertTrue(out, out.contains("after False"));
        assertTrue(out, out.contains("refused {}"));
        MailStore store = service(MailStore.class);
        long inbox = store.mailbox("tia", MailboxInfo.INBOX).orElseThrow().id();
        assertTrue(store.messages(inbox).stream()
                .map(m -> new String(store.content(inbox, m.uid()), StandardCharsets.UTF_8))
                .anyMatch(message -> message.contains("sealed words")));
    }

    @Test
    public void curlOverEveryTlsFlavour() throws Exception {
        String cacert = certificate.toString();
        assertTrue(curl("--cacert", cacert, "-u", "tia:tia-pw", "imaps://localhost:" + port("imaps") + "/")
                .contains("INBOX"));
        assertTrue(curl("--cacert", cacert, "--ssl-reqd", "-u", "tia:tia-pw", "imap://localhost:" + port("imap") + "/")
                .contains("INBOX"));
        String list = curl("--cacert", cacert, "-u", "tia:tia-pw", "pop3s://localhost:" + port("pop3s") + "/");
        assertTrue(list, list.matches("(?s)\\d+ \\d+.*"));
        assertTrue(curl("--cacert", cacert, "--ssl-reqd", "-u", "tia:tia-pw", "pop3://localhost:" + port("pop3") + "/")
                .matches("(?s)\\d+ \\d+.*"));
    }

    /**
     * fetchmail fetches a message of its own over each flavour, trusting only our certificate and checking the
     * host name (--sslcertck), and deletes it on the server. Without --ssl, --sslproto tls1.2+ makes STLS and
     * STARTTLS mandatory; the verbose log shows the upgrade and the TLS session before the password.
     */
    @Test
    public void fetchmailOverEveryTlsFlavour() throws Exception {
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("finn")) {
            users.create("finn", "finn-pw".toCharArray());
        }
        Path home = Files.createTempDirectory("fetchmail-it");
        String tls = "SSL/TLS: using protocol TLSv1.";
        assertInOrder(fetchOne(home, "pop3s", "POP3", true), tls, "POP3> USER finn", "POP3> PASS");
        assertInOrder(fetchOne(home, "pop3", "POP3", false), "POP3> STLS\n", tls, "upgrade to TLS succeeded",
                "POP3> USER finn", "POP3> PASS");
        assertInOrder(fetchOne(home, "imaps", "IMAP", true), tls, " LOGIN \"finn\"");
        assertInOrder(fetchOne(home, "imap", "IMAP", false), " STARTTLS\n", tls, "upgrade to TLS succeeded",
                " LOGIN \"finn\"");
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            at = text.indexOf(part, at);
            assertTrue("no \"" + part + "\" where expected in\n" + text, at >= 0);
            at += part.length();
        }
    }

    /**
     * Delivers a message with a line of its own to finn and fetches it with fetchmail from the listener: as a
     * user would, with a private rc file holding the password, through an MDA that appends to a file. Each
     * fetch finds only its own message: the ones before were deleted on the server. Returns fetchmail's log.
     */
    private String fetchOne(Path home, String listener, String protocol, boolean implicitTls) throws Exception {
        String line = "fetched over " + listener + " " + UUID.randomUUID();
        assertEquals("[]", deliver("a@example.org", "finn", "Subject: " + listener + "\r\n\r\n" + line + "\r\n"));
        Path rc = home.resolve(listener + ".rc");
        Files.createFile(rc, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(rc, "poll localhost protocol " + protocol + " service " + port(listener)
                + " user \"finn\" password \"finn-pw\"\n");
        Path mbox = home.resolve(listener + ".mbox");
        Path log = home.resolve(listener + ".log");
        List<String> command = new ArrayList<>(List.of("fetchmail", "-f", rc.toString(), "--nosyslog", "-v",
                "-t", "20", "--pidfile", home.resolve("fetchmail.pid").toString()));
        if (implicitTls) {
            command.add("--ssl");
        }
        command.addAll(List.of("--sslproto", "tls1.2+", "--sslcertck", "--sslcertfile", certificate.toString(),
                "--mda", "cat >> " + mbox));
        ProcessBuilder fetchmail = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        fetchmail.environment().put("HOME", home.toString());
        fetchmail.environment().put("FETCHMAILHOME", home.toString());
        // run as root, fetchmail runs the MDA as this user (the owner of home), not as one from LOGNAME or USER
        fetchmail.environment().put("FETCHMAILUSER", System.getProperty("user.name"));
        fetchmail.environment().put("LC_ALL", "C");
        Process p = fetchmail.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("fetchmail did not finish in 60 s:\n" + Files.readString(log));
        }
        String output = String.join(" ", command) + "\n" + Files.readString(log);
        assertEquals(output, 0, p.exitValue()); // 0: mail fetched, 1: none
        String fetched = Files.readString(mbox);
        assertTrue(fetched, fetched.contains(line));
        assertEquals(fetched, 1, fetched.split("\nfetched over ", -1).length - 1);
        return output;
    }

    @Test
    public void tlsBelowVersionOneTwoAndOldCipherSuitesAreRefused() throws Exception {
        for (String listener : new String[] {"imaps", "pop3s"}) {
            String target = "127.0.0.1:" + port(listener);
            for (String version : new String[] {"-tls1", "-tls1_1"}) {
                // SECLEVEL=0 lets the client offer TLS 1.0/1.1 at all: the refusal must come from the server
                Outcome old = execute("openssl", "s_client", "-connect", target, version, "-cipher",
                        "DEFAULT@SECLEVEL=0");
                assertNotEquals(old.output(), 0, old.exitCode());
                assertTrue(old.output(), old.output().contains("alert protocol version"));
            }
            // CBC without AEAD: no longer offered with TLS 1.2
            Outcome cbc = execute("openssl", "s_client", "-connect", target, "-tls1_2", "-cipher",
                    "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384");
            assertNotEquals(cbc.output(), 0, cbc.exitCode());
            assertTrue(cbc.output(), cbc.output().contains("alert handshake failure"));
            Outcome current = execute("openssl", "s_client", "-connect", target, "-tls1_2", "-CAfile",
                    certificate.toString(), "-verify_return_error", "-verify_hostname", "localhost");
            assertTrue(current.output(), current.output().contains("Verify return code: 0 (ok)"));
        }
    }
}
