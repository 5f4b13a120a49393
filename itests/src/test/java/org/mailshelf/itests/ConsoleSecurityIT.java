package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The console and the API against forged requests, over plain HTTP with curl: the headers, the Host check, the
 * session cookie, logout, the idle timeout, refused forgeries, and the audit log that records all of it.
 * ConsoleBrowserIT does the same attacks from a real browser.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleSecurityIT extends MailshelfTestSupport {

    private static final String FOREIGN = "http://127.0.0.2:9";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Before
    public void ready() throws Exception {
        service(UserAdmin.class);
        awaitListening("http", "https", "pop3");
    }

    private static String own() {
        return "http://127.0.0.1:" + port("http");
    }

    private static String headers(String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"-D", "-", "-o", "/dev/null"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return curl(all).replace("\r", "");
    }

    private static String status(String... args) throws Exception {
        String[] all = Arrays.copyOf(new String[] {"-o", "/dev/null", "-w", "%{http_code}"}, 4 + args.length);
        System.arraycopy(args, 0, all, 4, args.length);
        return curl(all);
    }

    /** Logs in with the form, as a browser would post it, and returns the session cookie's Set-Cookie line. */
    private String logIn(Path jar, String scheme, String base) throws Exception {
        String answer = headers("--cacert", Path.of(System.getProperty("mailshelf.data"), "tls", "server.crt")
                .toString(), "-c", jar.toString(), "-H", "Origin: " + base, "--data-urlencode", "user=admin",
                "--data-urlencode", "password=" + ADMIN_PASSWORD, "--data-urlencode",
                "target=/system/console/bundles", base + "/system/console/login");
        assertTrue(answer, answer.startsWith("HTTP/1.1 303"));
        assertTrue(answer, answer.contains("\nLocation: " + base + "/system/console/bundles\n")
                || answer.contains("\nLocation: /system/console/bundles\n"));
        return answer.lines().filter(l -> l.startsWith("Set-Cookie: mailshelf-console=")).findFirst()
                .orElseThrow(() -> new AssertionError(scheme + ": no session cookie in\n" + answer));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }

    private static List<String> audit() throws Exception {
        return Files.readAllLines(Path.of(System.getProperty("mailshelf.data"), "logs", "audit.log"));
    }

    @Test
    public void everyAnswerForbidsFramingAndSniffing() throws Exception {
        for (String url : new String[] {httpUrl("/system/console/login"), httpUrl("/system/console/bundles"),
            httpUrl("/api/v1/health"), httpUrl("/no/such/page"), "https://localhost:" + port("https")
                    + "/system/console/login"}) {
            String h = headers("-k", "-u", "admin:" + ADMIN_PASSWORD, url);
            assertTrue(url + "\n" + h, h.contains("\nX-Frame-Options: DENY\n"));
            assertTrue(url + "\n" + h, h.contains("frame-ancestors 'none'"));
            assertTrue(url + "\n" + h, h.contains("\nX-Content-Type-Options: nosniff\n"));
            assertTrue(url + "\n" + h, h.contains("\nReferrer-Policy: same-origin\n"));
        }
        assertTrue(headers("-u", "admin:" + ADMIN_PASSWORD, httpUrl("/api/v1/health"))
                .contains("\nCache-Control: no-store\n"));
    }

    @Test
    public void answersOnlyToItsOwnNames() throws Exception {
        String basic = "admin:" + ADMIN_PASSWORD;
        assertEquals("421", status("-u", basic, "-H", "Host: rebind.example:" + port("http"),
                httpUrl("/system/console/bundles")));
        assertEquals("421", status("-u", basic, "-H", "Host: rebind.example", httpUrl("/api/v1/health")));
        assertEquals("421", status("-H", "Host: rebind.example", httpUrl("/system/console/login")));
        assertEquals("200", status("-u", basic, "-H", "Host: localhost:" + port("http"), httpUrl("/api/v1/health")));
        assertEquals("200", status("-u", basic, "-H", "Host: [::1]:" + port("http"), httpUrl("/api/v1/health")));
    }

    @Test
    public void theSessionCookieIsStrictAndEndsAtLogout() throws Exception {
        Path jar = temp.getRoot().toPath().resolve("cookies");
        String cookie = logIn(jar, "http", own());
        assertTrue(cookie, cookie.matches("Set-Cookie: mailshelf-console=[A-Za-z0-9_-]+; Path=/system/console; "
                + "HttpOnly; SameSite=Strict"));
        assertEquals("200", status("-b", jar.toString(), httpUrl("/system/console/bundles")));

        assertEquals("303", status("-b", jar.toString(), "-c", jar.toString(), httpUrl("/system/console/logout")));
        String after = headers("-b", jar.toString(), httpUrl("/system/console/bundles"));
        assertTrue(after, after.startsWith("HTTP/1.1 303"));
        assertTrue(after, after.contains("/system/console/login?target="));

        String https = "https://localhost:" + port("https");
        assertTrue(logIn(temp.getRoot().toPath().resolve("secure"), "https", https).endsWith("; Secure"));
    }

    @Test
    public void anIdleSessionEnds() throws Exception {
        Configuration config = service(ConfigurationAdmin.class).getConfiguration("org.mailshelf.admin.console", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("session.idle.timeout", 2);
        config.update(props);
        try {
            Thread.sleep(500); // the component takes the new setting
            Path jar = temp.getRoot().toPath().resolve("idle");
            logIn(jar, "http", own());
            Thread.sleep(1_000);
            assertEquals("200", status("-b", jar.toString(), httpUrl("/system/console/bundles")));
            Thread.sleep(3_000);
            assertEquals("303", status("-b", jar.toString(), httpUrl("/system/console/bundles")));
        } finally {
            config.delete();
        }
    }

    @Test
    public void refusesForgedChangesAndRecordsThem() throws Exception {
        Path jar = temp.getRoot().toPath().resolve("forged");
        logIn(jar, "http", own());
        Bundle pop3 = bundle("org.mailshelf.pop3");
        String stop = httpUrl("/system/console/bundles/" + pop3.getBundleId());

        assertEquals("403", status("-b", jar.toString(), "-H", "Origin: " + FOREIGN, "-d", "action=stop", stop));
        assertEquals("403", status("-b", jar.toString(), "-H", "Referer: " + FOREIGN + "/page", "-d", "action=stop",
                stop));
        assertEquals("a browser always names an origin on a POST", "403",
                status("-b", jar.toString(), "-d", "action=stop", stop));
        assertEquals("403", status("-b", jar.toString(), "-H", "Origin: " + FOREIGN, "-d",
                "shutdown_timer=true&shutdown_type=Stop", httpUrl("/system/console/vmstat")));
        assertEquals(Bundle.ACTIVE, pop3.getState());

        // the request from the issue: a multipart install with the admin's credentials and a foreign origin
        Path evil = TestBundles.minimal(temp.getRoot().toPath().resolve("evil.jar"), "evil.bundle");
        assertEquals("403", status("-u", "admin:" + ADMIN_PASSWORD, "-H", "Origin: " + FOREIGN, "-F",
                "action=install", "-F", "bundlestart=start", "-F", "bundlefile=@" + evil,
                httpUrl("/system/console/bundles")));
        assertEquals(null, bundle("evil.bundle"));

        // the console's own pages may, and so may a script
        assertEquals("200", status("-b", jar.toString(), "-H", "Origin: " + own(), "-d", "action=stop", stop));
        assertEquals(Bundle.RESOLVED, pop3.getState());
        assertEquals("200", status("-u", "admin:" + ADMIN_PASSWORD, "-d", "action=start", stop));
        assertEquals(Bundle.ACTIVE, pop3.getState());

        List<String> audit = audit();
        String refused = "action=bundle.stop target=\"org.mailshelf.pop3 (id " + pop3.getBundleId()
                + ")\" result=\"refused: from " + FOREIGN + "\"";
        assertTrue(String.join("\n", audit), audit.stream().anyMatch(l -> l.contains(refused)));
        assertTrue(String.join("\n", audit), audit.stream().anyMatch(l -> l.contains("admin=admin from=127.0.0.1 "
                + "via=console action=bundle.stop target=\"org.mailshelf.pop3 (id " + pop3.getBundleId()
                + ")\" result=\"ok (200)\"")));
        assertTrue(String.join("\n", audit), audit.stream().anyMatch(l -> l.contains(
                "action=framework.stop target=framework result=\"refused: from " + FOREIGN + "\"")));
        assertTrue(String.join("\n", audit), audit.stream().anyMatch(l -> l.contains(
                "action=bundle.install target=\"uploaded file\" result=\"refused: from " + FOREIGN + "\"")));
        assertTrue(String.join("\n", audit), audit.stream().anyMatch(l -> l.matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z admin=admin from=127\\.0\\.0\\.1 via=console "
                        + "action=console\\.login target=admin result=\"ok \\(303\\)\"")));
    }

    @Test
    public void apiShellAndConsoleActionsAreAuditedAndShownInTheConsole() throws Exception {
        String basic = "admin:" + ADMIN_PASSWORD;
        assertEquals("201", status("-u", basic, "-H", "Content-Type: application/json", "-d",
                "{\"name\":\"audited\",\"password\":\"audit-secret-1\"}", httpUrl("/api/v1/users")));
        assertEquals("404", status("-u", basic, "-X", "DELETE", httpUrl("/api/v1/users/nobody")));

        CommandProcessor gogo = service(CommandProcessor.class);
        PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandSession session = gogo.createSession(System.in, print, print);
        try {
            session.execute("mailshelf:passwd audited shell-secret-2");
            session.execute("lb");
        } finally {
            session.close();
        }

        List<String> audit = audit();
        String all = String.join("\n", audit);
        assertTrue(all, all.contains("admin=admin from=127.0.0.1 via=api action=user.create target=audited "
                + "result=\"ok (201)\""));
        assertTrue(all, all.contains("via=api action=user.delete target=nobody result=\"refused: No such user: "
                + "nobody (404)\""));
        assertTrue(all, all.contains("via=shell action=shell.command target=\"mailshelf:passwd audited ***\" "
                + "result=ok"));
        assertFalse(all, all.contains("secret"));
        assertFalse("reading commands are not audited: " + all, all.contains("target=lb"));

        String page = curl("-u", basic, httpUrl("/system/console/mailshelf-audit"));
        assertTrue(page, page.contains("action=user.create target=audited"));
        assertTrue(page, page.indexOf("mailshelf:passwd audited") < page.indexOf("action=user.create"));
    }
}
