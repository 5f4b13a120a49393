package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** The console's login shares the REST API's password and throttle. */
public class ConsoleSecurityProviderTest {

    private static final String PASSWORD = "adminpw";
    private final List<Duration> pauses = new ArrayList<>();
    private final AdminLogin login = new AdminLogin(AdminAuth.fromHash(AdminAuthTest.hash(PASSWORD)),
            new LoginThrottle(System::nanoTime), pauses::add);
    private final ConsoleSecurityProvider console = new ConsoleSecurityProvider(login);

    private static FakeHttp.Request request(String authorization) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.remoteAddr = "192.0.2.7";
        if (authorization != null) {
            request.headers.put("Authorization", authorization);
        }
        return request;
    }

    @Test
    public void letsTheAdminIn() {
        FakeHttp.Request request = request(AdminAuthTest.basic("admin", PASSWORD));
        assertEquals("admin", console.authenticate(request.proxy(), new FakeHttp.Response().proxy()));
        assertEquals("admin", request.attributes.get("org.osgi.service.http.authentication.remote.user"));
        assertEquals(true, console.authorize("admin", "any role"));
        assertEquals(false, console.authorize(null, "any role"));
    }

    @Test
    public void challengesWithoutDelayWhenNoCredentialsAreGiven() {
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(request(null).proxy(), response.proxy()));
        assertEquals(401, response.status);
        assertEquals("Basic realm=\"Mailshelf console\"", response.headers.get("WWW-Authenticate"));
        assertEquals(List.of(), pauses);
    }

    @Test
    public void failuresOnTheApiAndTheConsoleCountTogether() throws Exception {
        RestApiServlet api = new RestApiServlet(login, new ApiRouter(null, new Certificates(() -> null)));
        FakeHttp.Request wrongApi = request(AdminAuthTest.basic("admin", "guess1"));
        api.service(wrongApi.proxy(), new FakeHttp.Response().proxy());
        api.service(wrongApi.proxy(), new FakeHttp.Response().proxy());

        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(request(AdminAuthTest.basic("admin", "guess3")).proxy(), response.proxy()));
        assertEquals(401, response.status);
        assertEquals(List.of(1L, 2L, 3L), pauses.stream().map(Duration::toSeconds).toList());
    }

    @Test
    public void staysClosedWithoutAPassword() {
        ConsoleSecurityProvider closed = new ConsoleSecurityProvider(
                new AdminLogin(AdminAuth.fromHash(null), new LoginThrottle(System::nanoTime), pauses::add));
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(closed.authenticate(request(AdminAuthTest.basic("admin", "admin")).proxy(), response.proxy()));
        assertEquals(503, response.status);
    }
}
