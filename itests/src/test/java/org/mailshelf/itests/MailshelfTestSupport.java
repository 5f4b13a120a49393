package org.mailshelf.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Boots a real Felix with exactly the bundles the appliance ships (from the assembled distribution's
 * etc/bundles.list), a fresh Derby database in a temporary data directory, and listeners on free ports.
 * The ports reach the test code (which runs inside the framework) as system properties.
 */
public abstract class MailshelfTestSupport {
    protected static final String ADMIN_PASSWORD = "it-admin-Secret-1";

    @Inject
    protected BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        Path stage = Path.of(System.getProperty("mailshelf.stage"));
        Path data = Files.createTempDirectory("mailshelf-it");
        Path config = Files.createDirectories(data.resolve("config"));
        int pop3 = Ports.free();
        int lmtp = Ports.free();
        int imap = Ports.free();
        int http = Ports.free();
        int imaps = Ports.free();
        int pop3s = Ports.free();
        int https = Ports.free();
        Files.writeString(config.resolve("org.mailshelf.imap-imaps.cfg"),
                "host = 127.0.0.1\nport = " + imaps + "\ntls = implicit\n");
        Files.writeString(config.resolve("org.mailshelf.pop3-pop3s.cfg"),
                "host = 127.0.0.1\nport = " + pop3s + "\ntls = implicit\n");
        Files.writeString(config.resolve("org.mailshelf.pop3-default.cfg"),
                "host = 127.0.0.1\nport = " + pop3 + "\n");
        Files.writeString(config.resolve("org.mailshelf.lmtp-default.cfg"), "host = 127.0.0.1\nport = " + lmtp + "\n");
        Files.writeString(config.resolve("org.mailshelf.imap-default.cfg"),
                "host = 127.0.0.1\nport = " + imap + "\n");
        Files.writeString(config.resolve("org.mailshelf.admin.https.cfg"), "host = 127.0.0.1\nport = " + https + "\n");
        Files.writeString(config.resolve("org.mailshelf.auth.penalties.cfg"), "first.delay = 300\n");
        // .config is ConfigAdmin's typed format, needed for the String[] of domains
        Files.writeString(config.resolve("org.mailshelf.auth.config"), "domains=[\"localhost\",\"example.com\"]\n");

        List<Option> options = new ArrayList<>();
        int highest = 1;
        for (String line : Files.readAllLines(stage.resolve("etc/bundles.list"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 2);
            int level = Integer.parseInt(parts[0]);
            highest = Math.max(highest, level);
            options.add(bundle(stage.resolve(parts[1]).toUri().toString()).startLevel(level));
        }
        options.add(frameworkStartLevel(highest + 1));
        options.add(junitBundles());
        options.add(mavenBundle("commons-net", "commons-net", "3.11.1"));
        options.add(systemProperty("mailshelf.data").value(data.toString()));
        options.add(systemProperty("mailshelf.test.pop3.port").value(Integer.toString(pop3)));
        options.add(systemProperty("mailshelf.test.lmtp.port").value(Integer.toString(lmtp)));
        options.add(systemProperty("mailshelf.test.imap.port").value(Integer.toString(imap)));
        options.add(systemProperty("mailshelf.test.http.port").value(Integer.toString(http)));
        options.add(systemProperty("mailshelf.test.imaps.port").value(Integer.toString(imaps)));
        options.add(systemProperty("mailshelf.test.pop3s.port").value(Integer.toString(pop3s)));
        options.add(systemProperty("mailshelf.test.https.port").value(Integer.toString(https)));
        options.add(systemProperty("mailshelf.test.config").value(config.toString()));
        options.add(systemProperty("logback.configurationFile").value(
                Path.of("src/test/resources/logback-test.xml").toAbsolutePath().toString()));
        options.add(frameworkProperty("felix.fileinstall.dir").value(config.toString()));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(http)));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("mailshelf.admin.hash").value(consoleHash(ADMIN_PASSWORD)));
        options.add(frameworkProperty("felix.webconsole.username").value("admin"));
        options.add(frameworkProperty("felix.webconsole.password").value(consoleHash(ADMIN_PASSWORD)));
        options.add(frameworkProperty("felix.webconsole.security.providers").value("mailshelf"));
        return options.toArray(new Option[0]);
    }

    static String consoleHash(String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
    }

    protected static int port(String name) {
        return Integer.getInteger("mailshelf.test." + name + ".port");
    }

    /**
     * Waits until each named listener (pop3, lmtp, imap, http) accepts connections. If one does not, the
     * failure says what Declarative Services thinks of every Mailshelf component, so a CI log explains itself.
     */
    protected void awaitListening(String... names) throws InterruptedException {
        for (String name : names) {
            try {
                Ports.awaitAccepting(port(name), 10_000);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (" + name + ")\n" + componentStates(), e);
            }
        }
    }

    private String componentStates() {
        var ref = context.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return "no ServiceComponentRuntime";
        }
        ServiceComponentRuntime scr = context.getService(ref);
        StringBuilder out = new StringBuilder();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.name.startsWith("org.mailshelf")) {
                continue;
            }
            out.append(description.name).append(" enabled=").append(scr.isComponentEnabled(description));
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                out.append(" [state ").append(c.state);
                for (UnsatisfiedReferenceDTO missing : c.unsatisfiedReferences) {
                    out.append(", missing ").append(missing.name);
                }
                if (c.failure != null) {
                    out.append(", failure ").append(c.failure.lines().findFirst().orElse(""));
                }
                out.append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    protected <T> T service(Class<T> type) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            var ref = context.getServiceReference(type);
            if (ref != null) {
                T service = context.getService(ref);
                if (service != null) {
                    return service;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getName() + " service after 10 s");
    }

    /** Delivers a message over LMTP with Python's smtplib.LMTP; returns the refused recipients as Python prints them. */
    protected static String deliver(String from, String recipients, String message) throws Exception {
        return python(String.join("\n",
                "import smtplib, sys",
                "c = smtplib.LMTP('127.0.0.1', int(sys.argv[1]))",
                "refused = c.sendmail(sys.argv[2], sys.argv[3].split(','), sys.argv[4].encode('utf-8'))",
                "print(sorted(refused.items()))",
                "c.quit()"), Integer.toString(port("lmtp")), from, recipients, message).trim();
    }

    /** Runs curl with the given arguments and returns what it printed. */
    protected static String curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "20"));
        command.addAll(List.of(args));
        return run(command);
    }

    protected static String httpUrl(String path) {
        return "http://127.0.0.1:" + port("http") + path;
    }

    /** Runs a Python 3 script (from the standard library only) and returns its standard output. */
    protected static String python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    /** What a program printed (standard output and error) and how it exited. */
    protected record Outcome(int exitCode, String output) {
    }

    /** Runs a program with no input and a time limit, whatever its exit code. */
    protected static Outcome execute(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in 30 s");
        }
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(command.get(0) + " failed:\n" + out);
        }
        return out;
    }
}
