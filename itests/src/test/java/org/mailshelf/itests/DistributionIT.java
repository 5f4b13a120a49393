package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Boots the assembled appliance exactly as the README says (bin/mailshelf, defaults, data under the home)
 * and drives it with real clients: curl for the REST API, Python's smtplib.LMTP and poplib for mail.
 */
public class DistributionIT {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Appliance appliance;

    @Before
    public void copyAppliance() throws IOException {
        appliance = new Appliance(Path.of(System.getProperty("mailshelf.appliance")), tmp.getRoot().toPath());
    }

    @After
    public void stopAppliance() throws InterruptedException {
        appliance.close();
    }

    @Test
    public void bootsServesMailSurvivesRestartsAndKill9() throws Exception {
        Map<Path, String> configFiles = configFiles();
        appliance.start(null);
        long readyMs = appliance.awaitReady(30_000);
        System.out.println("appliance ready in " + readyMs + " ms after launch");

        Path data = appliance.home.resolve("data");
        Path passwordFile = data.resolve("admin-password");
        assertTrue(Files.exists(passwordFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        String password = Files.readString(passwordFile).trim();
        assertTrue(String.join("\n", appliance.output), appliance.output.stream().anyMatch(l -> l.contains(password)));

        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", url("/api/v1/users")));
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:wrong", url("/api/v1/users")));
        assertEquals("201", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:" + password,
                "-H", "Content-Type: application/json", "-d", "{\"name\":\"zoe\",\"password\":\"zoe-pw\"}",
                url("/api/v1/users")));
        String users = curl("-u", "admin:" + password, url("/api/v1/users"));
        assertTrue(users, users.contains("\"zoe\""));

        TestBundles.minimal(appliance.home.resolve("deploy/dropped.jar"), "org.mailshelf.itests.dropped");
        awaitBundleActive("org.mailshelf.itests.dropped", password);

        deliver("zoe", "Subject: survives\r\n\r\nkept across restarts\r\n");
        assertTrue(fetch("zoe", "zoe-pw").contains("kept across restarts"));

        long stopMs = appliance.terminate();
        System.out.println("appliance stopped " + stopMs + " ms after SIGTERM");
        assertTrue("took " + stopMs + " ms to stop", stopMs < 10_000);
        assertTrue(Files.size(data.resolve("logs/mailshelf.log")) > 0);
        long cachedBundles = countBundleDirs(data);

        appliance.start(null);
        appliance.awaitReady(30_000);
        assertFalse("password printed again", appliance.output.stream().anyMatch(l -> l.contains(password)));
        assertEquals("framework cache was rebuilt", cachedBundles, countBundleDirs(data));
        awaitBundleActive("org.mailshelf.itests.dropped", password);
        assertTrue(fetch("zoe", "zoe-pw").contains("kept across restarts"));

        deliver("zoe", "Subject: acknowledged\r\n\r\nacknowledged before kill -9\r\n");
        appliance.kill();
        appliance.start(null);
        appliance.awaitReady(30_000);
        assertTrue(fetch("zoe", "zoe-pw").contains("acknowledged before kill -9"));
        assertEquals("2", imapInboxCount("zoe", "zoe-pw"));
        assertEquals("the appliance rewrote the admin's config files", configFiles, configFiles());
    }

    private Map<Path, String> configFiles() throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(appliance.home.resolve("config"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                contents.put(file.getFileName(), Files.readString(file));
            }
        }
        return contents;
    }

    @Test
    public void adminPasswordFromTheEnvironmentIsUsedAndNotWritten() throws Exception {
        appliance.start("env-Secret-42");
        appliance.awaitReady(30_000);
        assertFalse(Files.exists(appliance.home.resolve("data/admin-password")));
        assertEquals("200", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:env-Secret-42",
                url("/api/v1/health")));
        assertEquals("200", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:env-Secret-42",
                url("/system/console/bundles")));
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:admin",
                url("/system/console/bundles")));
    }

    /** Asks the Web Console's bundle list, as an admin's script would. */
    private void awaitBundleActive(String symbolicName, String password) throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        String bundles = "";
        while (System.currentTimeMillis() < end) {
            bundles = curl("-u", "admin:" + password, url("/system/console/bundles.json"));
            int at = bundles.indexOf("\"symbolicName\":\"" + symbolicName + "\"");
            if (at >= 0 && bundles.lastIndexOf("\"state\":\"Active\"", at) > bundles.lastIndexOf("{", at)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(symbolicName + " not active: " + bundles);
    }

    private static long countBundleDirs(Path data) throws IOException {
        try (var dirs = Files.list(data.resolve("cache"))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("bundle")).count();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + appliance.http + path;
    }

    private static String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20"));
        command.addAll(List.of(args));
        return run(command);
    }

    private void deliver(String to, String message) throws Exception {
        String out = run(List.of("python3", "-c", String.join("\n",
                "import smtplib, sys",
                "c = smtplib.LMTP('127.0.0.1', int(sys.argv[1]))",
                "print(c.sendmail('it@example.org', [sys.argv[2]], sys.argv[3].encode()))",
                "c.quit()"), Integer.toString(appliance.lmtp), to, message));
        assertEquals("{}", out.trim());
    }

    private String fetch(String user, String password) throws Exception {
        return run(List.of("python3", "-c", String.join("\n",
                "import poplib, sys",
                "p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=10)",
                "p.user(sys.argv[2]); p.pass_(sys.argv[3])",
                "for i in range(1, p.stat()[0] + 1): print(b'\\n'.join(p.retr(i)[1]).decode())",
                "p.quit()"), Integer.toString(appliance.pop3), user, password));
    }

    private String imapInboxCount(String user, String password) throws Exception {
        return run(List.of("python3", "-c", String.join("\n",
                "import imaplib, sys",
                "M = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))",
                "M.login(sys.argv[2], sys.argv[3])",
                "print(M.select('INBOX', readonly=True)[1][0].decode())",
                "M.logout()"), Integer.toString(appliance.imap), user, password)).trim();
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(command.get(0) + " failed: " + out);
        }
        return out;
    }
}
