package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The admin side of TLS: the console and the API over HTTPS with the generated certificate, and a CA-issued
 * certificate installed through the API, used at once by new IMAPS and HTTPS handshakes while a session opened
 * before keeps going. Certificates are made with the openssl command, as an admin would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CertificateIT extends MailshelfTestSupport {

    private static final String JSON = "Content-Type: application/json";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();
    private Path generated;

    @Before
    public void ready() throws Exception {
        UserAdmin users = service(UserAdmin.class);
        if (!users.exists("cora")) {
            users.create("cora", "cora-pw".toCharArray());
        }
        awaitListening("imaps", "http", "https");
        generated = Path.of(System.getProperty("mailshelf.data"), "tls", "server.crt");
    }

    private static String httpsUrl(String path) {
        return "https://localhost:" + port("https") + path;
    }

    @Test
    public void consoleAndApiAnswerOverHttpsWithTheGeneratedCertificate() throws Exception {
        String cacert = generated.toString();
        String health = curl("--cacert", cacert, "-u", "admin:" + ADMIN_PASSWORD, httpsUrl("/api/v1/health"));
        assertTrue(health, health.contains("\"UP\""));
        // a browser without a session is sent to the login form
        assertEquals("303", curl("--cacert", cacert, "-o", "/dev/null", "-w", "%{http_code}",
                httpsUrl("/system/console/bundles")));
        assertEquals("200", curl("--cacert", cacert, "-o", "/dev/null", "-w", "%{http_code}", "-u",
                "admin:" + ADMIN_PASSWORD, httpsUrl("/system/console/bundles")));
        Outcome old = execute("openssl", "s_client", "-connect", "127.0.0.1:" + port("https"), "-tls1_1", "-cipher",
                "DEFAULT@SECLEVEL=0");
        assertTrue(old.output(), old.output().contains("alert protocol version"));
    }

    @Test
    public void anInstalledCertificateServesNewHandshakesAndKeepsOpenSessions() throws Exception {
        Path ca = issueCaAndServerCertificate();
        try (SSLSocket before = imapsSession(generated)) {
            String installed = curl("-u", "admin:" + ADMIN_PASSWORD, "-X", "PUT", "-H", JSON, "--data-binary",
                    "@" + temp.getRoot().toPath().resolve("install.json"), httpUrl("/api/v1/tls/certificate"));
            assertTrue(installed, installed.contains("\"source\":\"installed\""));
            assertTrue(installed, installed.contains("\"subject\":\"CN=mail.example.test\""));

            String out = python(String.join("\n",
                    "import imaplib, ssl, sys",
                    "ctx = ssl.create_default_context(cafile=sys.argv[1])",
                    "M = imaplib.IMAP4_SSL('localhost', int(sys.argv[2]), ssl_context=ctx)",
                    "print(M.login('cora', 'cora-pw')[0])",
                    "M.logout()"), ca.toString(), Integer.toString(port("imaps")));
            assertTrue(out, out.contains("OK"));
            assertTrue(curl("--cacert", ca.toString(), "-u", "admin:" + ADMIN_PASSWORD, httpsUrl("/api/v1/health"))
                    .contains("\"UP\""));

            assertEquals("a2 OK", command(before, "a2 NOOP"));
        }

        String back = curl("-u", "admin:" + ADMIN_PASSWORD, "-X", "DELETE", httpUrl("/api/v1/tls/certificate"));
        assertTrue(back, back.contains("\"source\":\"generated\""));
        Outcome refused = execute("curl", "-s", "--cacert", ca.toString(), httpsUrl("/api/v1/health"));
        assertEquals(refused.output(), 60, refused.exitCode()); // the peer certificate cannot be verified
    }

    @Test
    public void theConsolePageInstallsAPastedCertificate() throws Exception {
        issueCaAndServerCertificate();
        Path dir = temp.getRoot().toPath();
        String page = httpUrl("/system/console/mailshelf-tls");
        String html = curl("-u", "admin:" + ADMIN_PASSWORD, page);
        Matcher token = Pattern.compile("name='token' value='([^']+)'").matcher(html);
        assertTrue(html, token.find());

        String location = curl("-u", "admin:" + ADMIN_PASSWORD, "-o", "/dev/null", "-w", "%{redirect_url}",
                "--data-urlencode", "action=install", "--data-urlencode", "token=" + token.group(1),
                "--data-urlencode", "certificate@" + dir.resolve("chain.pem"),
                "--data-urlencode", "key@" + dir.resolve("server.key"), page);
        String message = URLDecoder.decode(location.substring(location.indexOf("message=") + 8),
                StandardCharsets.UTF_8);
        assertEquals("Now in use: CN=mail.example.test (installed from the console or the API).", message);
        assertTrue(curl("-u", "admin:" + ADMIN_PASSWORD, page)
                .contains("<td>Subject</td><td>CN=mail.example.test</td>"));

        String back = curl("-u", "admin:" + ADMIN_PASSWORD, "-X", "DELETE", httpUrl("/api/v1/tls/certificate"));
        assertTrue(back, back.contains("\"source\":\"generated\""));
    }

    @Test
    public void aKeyThatDoesNotMatchIsRefusedWithAReason() throws Exception {
        issueCaAndServerCertificate();
        Path other = temp.getRoot().toPath().resolve("other.key");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", other.toString());
        Path json = temp.getRoot().toPath().resolve("mismatch.json");
        Files.writeString(json, "{\"certificate\":" + jsonString(Files.readString(
                temp.getRoot().toPath().resolve("chain.pem"))) + ",\"key\":" + jsonString(Files.readString(other))
                + "}");
        String answer = curl("-u", "admin:" + ADMIN_PASSWORD, "-w", " %{http_code}", "-X", "PUT", "-H", JSON,
                "--data-binary", "@" + json, httpUrl("/api/v1/tls/certificate"));
        assertTrue(answer, answer.endsWith(" 422") && answer.contains("\"error\""));
        String current = curl("-u", "admin:" + ADMIN_PASSWORD, httpUrl("/api/v1/tls/certificate"));
        assertTrue(current, current.contains("\"source\":\"generated\""));
    }

    @Test
    public void consoleAndApiShareTheFailedLoginThrottle() throws Exception {
        String wrong = "admin:not-the-password";
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", wrong, httpUrl("/api/v1/health")));
        long t0 = System.nanoTime();
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", wrong,
                httpUrl("/system/console/bundles")));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue("the console's answer to the second failure came after " + millis + " ms", millis >= 1_900);
        assertEquals("200", curl("-o", "/dev/null", "-w", "%{http_code}", "-u", "admin:" + ADMIN_PASSWORD,
                httpUrl("/system/console/bundles")));
    }

    /** A CA and a server certificate for localhost it signed; writes install.json; returns the CA file. */
    private Path issueCaAndServerCertificate() throws Exception {
        Path dir = temp.getRoot().toPath();
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Mailshelf Test CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.crt").toString());
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=mail.example.test",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:mail.example.test,DNS:localhost,IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", dir.resolve("ca.crt").toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "1", "-extfile",
                dir.resolve("san.ext").toString(), "-out", dir.resolve("server.crt").toString());
        String chain = Files.readString(dir.resolve("server.crt")) + Files.readString(dir.resolve("ca.crt"));
        Files.writeString(dir.resolve("chain.pem"), chain);
        Files.writeString(dir.resolve("install.json"), "{\"certificate\":" + jsonString(chain) + ",\"key\":"
                + jsonString(Files.readString(dir.resolve("server.key"))) + "}");
        return dir.resolve("ca.crt");
    }

    private static void openssl(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Outcome outcome = execute(command);
        assertEquals(outcome.output(), 0, outcome.exitCode());
    }

    /** PEM text has only printable ASCII and line breaks. */
    private static String jsonString(String pem) {
        return "\"" + pem.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }

    /** An IMAPS session logged in, trusting only the given certificate. */
    private static SSLSocket imapsSession(Path trusted) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (var in = Files.newInputStream(trusted)) {
            store.setCertificateEntry("server", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port("imaps"));
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        readLine(socket.getInputStream()); // the greeting
        assertEquals("a1 OK", command(socket, "a1 LOGIN cora cora-pw"));
        return socket;
    }

    /** Sends one command and returns the first two words of its tagged answer. */
    private static String command(SSLSocket socket, String line) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String tag = line.substring(0, line.indexOf(' ') + 1);
        String answer;
        do {
            answer = readLine(socket.getInputStream());
        } while (!answer.startsWith(tag));
        String[] words = answer.split(" ", 3);
        return words[0] + " " + words[1];
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new AssertionError("connection closed after: " + line);
            }
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
