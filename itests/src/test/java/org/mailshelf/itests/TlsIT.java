package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * TLS with the certificate the TLS bundle made on first boot, checked by real clients that verify it (and the
 * host name localhost against its SANs): Python's imaplib and poplib over IMAPS, POP3S, STARTTLS and STLS,
 * curl, and openssl s_client offering TLS 1.1.
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

    @Test
    public void tlsBelowVersionOneTwoIsRefused() throws Exception {
        for (String listener : new String[] {"imaps", "pop3s"}) {
            String target = "127.0.0.1:" + port(listener);
            // SECLEVEL=0 lets the client offer TLS 1.1 at all: the refusal must come from the server
            Outcome old = execute("openssl", "s_client", "-connect", target, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
            assertNotEquals(old.output(), 0, old.exitCode());
            assertTrue(old.output(), old.output().contains("alert protocol version"));
            Outcome current = execute("openssl", "s_client", "-connect", target, "-tls1_2", "-CAfile",
                    certificate.toString(), "-verify_return_error", "-verify_hostname", "localhost");
            assertTrue(current.output(), current.output().contains("Verify return code: 0 (ok)"));
        }
    }
}
