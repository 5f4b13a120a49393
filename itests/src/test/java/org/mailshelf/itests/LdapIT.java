package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * The LDAP provider that ships with the appliance, against a real directory (UnboundID's in-memory server on
 * loopback): configured at runtime, or installed at runtime from its jar, its users log in at once;
 * service.ranking decides which provider answers for a name both know; stopping it leaves logged-in sessions and
 * the listeners alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LdapIT extends MailshelfTestSupport {

    private InMemoryDirectoryServer directory;
    private Configuration provider;

    @Before
    public void ready() throws Exception {
        awaitListening("imap");
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("nina")) {
            users.create("nina", "nina-local".toCharArray());
        }
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                InetAddress.getByName("127.0.0.1"), 0, null));
        config.addAdditionalBindCredentials("cn=mail,dc=example,dc=com", "service-pw");
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
        for (String[] user : new String[][] {{"lara", "lara-ldap"}, {"nina", "nina-ldap"}}) {
            directory.add("dn: uid=" + user[0] + ",ou=people,dc=example,dc=com", "objectClass: inetOrgPerson",
                    "uid: " + user[0], "cn: " + user[0], "sn: " + user[0], "userPassword: " + user[1]);
        }
        directory.startListening();
    }

    @After
    public void stop() throws Exception {
        if (provider != null) {
            provider.delete();
        }
        directory.shutDown(true);
        // the next test finds the provider installed and active, whatever this one did to it
        Bundle ldap = installed("org.mailshelf.auth.ldap");
        (ldap != null ? ldap : installFromStage("org.mailshelf.auth.ldap")).start();
    }

    private void configureProvider(int ranking) throws Exception {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("url", "ldap://127.0.0.1:" + directory.getListenPort());
        p.put("base.dn", "ou=people,dc=example,dc=com");
        p.put("bind.dn", "cn=mail,dc=example,dc=com");
        p.put(".bind.password", "service-pw"); // private: not copied into the service properties
        p.put("service.ranking", ranking);
        if (provider == null) {
            provider = service(ConfigurationAdmin.class).createFactoryConfiguration("org.mailshelf.auth.ldap", "?");
        }
        provider.update(p);
    }

    private Bundle bundle(String symbolicName) {
        Bundle b = installed(symbolicName);
        if (b == null) {
            throw new AssertionError("no bundle " + symbolicName);
        }
        return b;
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Installs a bundle the appliance ships from its jar in the assembled distribution, at the start level
     * etc/bundles.list gives it, as an admin would (not started).
     */
    private Bundle installFromStage(String symbolicName) throws Exception {
        Path stage = Path.of(System.getProperty("mailshelf.stage"));
        for (String line : Files.readAllLines(stage.resolve("etc/bundles.list"))) {
            String[] parts = line.trim().split("\\s+", 2);
            if (line.startsWith("#") || parts.length < 2
                    || !Path.of(parts[1]).getFileName().toString().startsWith(symbolicName + "-")) {
                continue;
            }
            Bundle b = context.installBundle(stage.resolve(parts[1]).toUri().toString());
            assertEquals(symbolicName, b.getSymbolicName());
            b.adapt(BundleStartLevel.class).setStartLevel(Integer.parseInt(parts[0]));
            return b;
        }
        throw new AssertionError(symbolicName + " is not in " + stage.resolve("etc/bundles.list"));
    }

    @Test
    public void configuredAtRuntimeItsUsersLogInAndRankingDecides() throws Exception {
        assertFalse(canLogIn("lara", "lara-ldap"));
        configureProvider(10);
        awaitLogin("lara", "lara-ldap");
        // a name both providers know: the higher ranking answers, and its "wrong password" is final
        assertTrue(canLogIn("nina", "nina-ldap"));
        assertFalse(canLogIn("nina", "nina-local"));
        configureProvider(-5);
        awaitLogin("nina", "nina-local");
        assertFalse(canLogIn("nina", "nina-ldap"));
        assertTrue(canLogIn("lara", "lara-ldap")); // unknown locally: still LDAP's
    }

    @Test
    public void stoppingItKeepsSessionsAndListeners() throws Exception {
        configureProvider(10);
        awaitLogin("lara", "lara-ldap");
        try (ImapSession open = new ImapSession()) {
            assertTrue(open.login("lara", "lara-ldap"));
            bundle("org.mailshelf.auth.ldap").stop();
            assertTrue(open.command("SELECT INBOX").startsWith("a OK"));
            assertTrue(open.command("NOOP").startsWith("a OK"));
            assertFalse(canLogIn("lara", "lara-ldap"));
            assertTrue(canLogIn("nina", "nina-local"));
            assertTrue(open.command("NOOP").startsWith("a OK"));
        }
        bundle("org.mailshelf.auth.ldap").start();
        awaitLogin("lara", "lara-ldap");
    }

    @Test
    public void installedAtRuntimeItsUsersLogInAtOnceOnTheRunningListeners() throws Exception {
        configureProvider(10);
        awaitLogin("lara", "lara-ldap");
        bundle("org.mailshelf.auth.ldap").uninstall();
        assertFalse(canLogIn("lara", "lara-ldap"));
        assertTrue(canLogIn("nina", "nina-local"));
        // connected before the install, logged in right after it: the listeners were not restarted, and the
        // provider (its configuration already there) is active when start() returns
        try (ImapSession before = new ImapSession()) {
            Bundle ldap = installFromStage("org.mailshelf.auth.ldap");
            ldap.start();
            assertEquals(Bundle.ACTIVE, ldap.getState());
            assertTrue(before.login("lara", "lara-ldap"));
            assertTrue(before.command("SELECT INBOX").startsWith("a OK"));
        }
        assertTrue(canLogIn("lara", "lara-ldap"));
        assertTrue(canLogIn("nina", "nina-ldap")); // ranking 10, as configured before the install
        assertFalse(canLogIn("nina", "nina-local"));
    }

    /** Opens a connection, tries LOGIN, closes it. */
    private static boolean canLogIn(String user, String password) throws IOException {
        ImapSession session = new ImapSession();
        try {
            return session.login(user, password);
        } finally {
            session.socket.close();
        }
    }

    @Test
    public void aDirectoryThatIsDownDefersMailAndLoginsInsteadOfRefusingThem() throws Exception {
        configureProvider(10);
        awaitLogin("lara", "lara-ldap");
        directory.shutDown(true);
        // lara is only in the directory: 451, the MTA keeps the message; nina is known locally too
        String refused = deliver("a@example.org", "lara,nina", "Subject: while ldap is down\r\n\r\nx\r\n");
        assertTrue(refused, refused.contains("'lara'") && refused.contains("451") && !refused.contains("nina"));
        try (ImapSession session = new ImapSession()) {
            assertEquals("a NO [UNAVAILABLE] Authentication is not available, try again later",
                    session.command("LOGIN lara lara-ldap"));
        }
    }

    private void awaitLogin(String user, String password) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        while (!canLogIn(user, password)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(user + " cannot log in after 20 s");
            }
            Thread.sleep(200);
        }
    }

    /** A raw IMAP connection to the plain listener (from loopback, so LOGIN is allowed). */
    private static final class ImapSession implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        ImapSession() throws IOException {
            socket = new Socket("127.0.0.1", port("imap"));
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            assertTrue(in.readLine().startsWith("* OK"));
        }

        boolean login(String user, String password) throws IOException {
            return command("LOGIN " + user + " " + password).startsWith("a OK");
        }

        /** Sends a command tagged "a" and returns its tagged status line. */
        String command(String command) throws IOException {
            out.write(("a " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("a ")) {
                    return line;
                }
            }
            throw new AssertionError("connection closed during " + command);
        }

        @Override
        public void close() throws IOException {
            assertEquals("a OK LOGOUT completed", command("LOGOUT"));
            socket.close();
        }
    }
}
