package org.mailshelf.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.commons.net.pop3.POP3Client;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.mailshelf.api.auth.UserAdmin;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The admin contract: the REST API driven by curl, and the Gogo commands. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminIT extends MailshelfTestSupport {

    private static final String JSON = "Content-Type: application/json";

    @Before
    public void ready() throws Exception {
        service(UserAdmin.class);
        awaitListening("http", "pop3");
    }

    private String status(String... args) throws Exception {
        String[] all = new String[args.length + 6];
        all[0] = "-o";
        all[1] = "/dev/null";
        all[2] = "-w";
        all[3] = "%{http_code}";
        all[4] = "-u";
        all[5] = "admin:" + ADMIN_PASSWORD;
        System.arraycopy(args, 0, all, 6, args.length);
        return curl(all);
    }

    private boolean pop3Login(String user, String password) throws Exception {
        POP3Client pop = new POP3Client();
        pop.connect("127.0.0.1", port("pop3"));
        try {
            return pop.login(user, password);
        } finally {
            pop.disconnect();
        }
    }

    @Test
    public void restApiManagesUsersEndToEnd() throws Exception {
        assertEquals("401", curl("-o", "/dev/null", "-w", "%{http_code}", httpUrl("/api/v1/health")));
        assertTrue(curl("-u", "admin:" + ADMIN_PASSWORD, httpUrl("/api/v1/health")).contains("\"UP\""));

        assertEquals("201", status("-H", JSON, "-d", "{\"name\":\"ivan\",\"password\":\"ivan-pw\"}",
                httpUrl("/api/v1/users")));
        assertEquals("409", status("-H", JSON, "-d", "{\"name\":\"ivan\",\"password\":\"x\"}", httpUrl("/api/v1/users")));
        assertEquals("400", status("-H", JSON, "-d", "{\"name\":\"bad name!\",\"password\":\"x\"}",
                httpUrl("/api/v1/users")));
        assertEquals("400", status("-H", JSON, "-d", "{not json", httpUrl("/api/v1/users")));
        String error = curl("-u", "admin:" + ADMIN_PASSWORD, "-H", JSON, "-d", "{not json", httpUrl("/api/v1/users"));
        assertTrue(error, error.contains("\"error\""));

        String ivan = curl("-u", "admin:" + ADMIN_PASSWORD, httpUrl("/api/v1/users/ivan"));
        assertTrue(ivan, ivan.contains("\"INBOX\""));
        assertTrue(curl("-u", "admin:" + ADMIN_PASSWORD, httpUrl("/api/v1/users")).contains("\"ivan\""));
        assertTrue(pop3Login("ivan", "ivan-pw"));

        assertEquals("204", status("-X", "PUT", "-H", JSON, "-d", "{\"password\":\"new-pw\"}",
                httpUrl("/api/v1/users/ivan/password")));
        assertFalse(pop3Login("ivan", "ivan-pw"));
        assertTrue(pop3Login("ivan", "new-pw"));

        assertEquals("204", status("-X", "DELETE", httpUrl("/api/v1/users/ivan")));
        assertEquals("404", status(httpUrl("/api/v1/users/ivan")));
        assertEquals("404", status("-X", "DELETE", httpUrl("/api/v1/users/ivan")));
        assertFalse(pop3Login("ivan", "new-pw"));
    }

    @Test
    public void gogoCommandsManageUsers() throws Exception {
        CommandProcessor gogo = service(CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = gogo.createSession(System.in, print, print);
        try {
            session.execute("mailshelf:useradd jana jana-pw");
            assertTrue(String.valueOf(session.execute("mailshelf:users")).contains("jana"));
            assertTrue(pop3Login("jana", "jana-pw"));
            session.execute("mailshelf:passwd jana other-pw");
            assertTrue(pop3Login("jana", "other-pw"));
            session.execute("mailshelf:userdel jana");
            assertFalse(String.valueOf(session.execute("mailshelf:users")).contains("jana"));
        } finally {
            session.close();
        }
    }
}
