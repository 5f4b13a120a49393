package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.net.pop3.POP3Client;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Bundles stopped, reconfigured and added while the appliance runs; the rest keeps working. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT extends MailshelfTestSupport {

    @Before
    public void ready() throws Exception {
        awaitListening("pop3", "lmtp");
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("hana")) {
            users.create("hana", "hana-pw".toCharArray());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private int pop3Count(int port) throws Exception {
        POP3Client pop = new POP3Client();
        pop.connect("127.0.0.1", port);
        assertTrue(pop.login("hana", "hana-pw"));
        int n = pop.status().number;
        pop.logout();
        pop.disconnect();
        return n;
    }

    @Test
    public void lmtpKeepsDeliveringWhilePop3IsStoppedAndRestarted() throws Exception {
        Bundle pop3 = bundle("org.mailshelf.pop3");
        pop3.stop();
        Ports.awaitClosed(port("pop3"), 10_000);
        assertEquals("[]", deliver("a@example.org", "hana", "Subject: while pop3 was down\r\n\r\nx\r\n"));
        pop3.start();
        awaitListening("pop3");
        assertEquals(1, pop3Count(port("pop3")));
    }

    @Test
    public void changingThePortInTheCfgFileRebindsAndKeepsOpenSessions() throws Exception {
        int oldPort = port("pop3");
        int messages = pop3Count(oldPort);
        try (Socket open = new Socket("127.0.0.1", oldPort)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(open.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = open.getOutputStream();
            assertTrue(in.readLine().startsWith("+OK"));

            int newPort = Ports.free();
            Path cfg = Path.of(System.getProperty("mailshelf.test.config"), "org.mailshelf.pop3-default.cfg");
            Files.writeString(cfg, "host = 127.0.0.1\nport = " + newPort + "\n");
            Ports.awaitAccepting(newPort, 10_000);
            Ports.awaitClosed(oldPort, 10_000);
            // the other tests of this class share the framework: they follow the listener
            System.setProperty("mailshelf.test.pop3.port", Integer.toString(newPort));
            assertEquals(messages, pop3Count(newPort));

            out.write("CAPA\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue("the session opened before the change still answers", in.readLine().startsWith("+OK"));
        }
    }

    @Test
    public void aBundleUploadedThroughTheConsoleIsInstalledAndStarted() throws Exception {
        Path jar = TestBundles.minimal(Files.createTempFile("uploaded", ".jar"), "org.mailshelf.itests.uploaded");
        String console = httpUrl("/system/console/bundles");
        // no credentials and no origin: the request guard refuses it before the login is asked
        assertEquals("403", curl("-o", "/dev/null", "-w", "%{http_code}", "-F", "action=install",
                "-F", "bundlefile=@" + jar, console));
        String status = curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:" + ADMIN_PASSWORD,
                "-F", "action=install", "-F", "bundlestart=start", "-F", "bundlefile=@" + jar, console);
        assertTrue(status, status.startsWith("2") || status.startsWith("3"));
        long end = System.currentTimeMillis() + 10_000;
        Bundle uploaded = null;
        while (uploaded == null || uploaded.getState() != Bundle.ACTIVE) {
            assertTrue("uploaded bundle not active in time", System.currentTimeMillis() < end);
            Thread.sleep(100);
            for (Bundle b : context.getBundles()) {
                if ("org.mailshelf.itests.uploaded".equals(b.getSymbolicName())) {
                    uploaded = b;
                }
            }
        }
        assertEquals("[]", deliver("a@example.org", "hana", "Subject: after upload\r\n\r\nx\r\n"));
    }
}
