package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.mailshelf.store.memory.MemoryMailStore;

/** The HTTP shell: authentication, throttling, bodies, headers. The routing itself is in ApiRouterTest. */
public class RestApiServletTest {

    private static final String PASSWORD = "adminpw";
    private final MemoryMailStore store = new MemoryMailStore();
    private final List<Duration> pauses = new ArrayList<>();

    private RestApiServlet servlet(String hash) {
        return new RestApiServlet(new AdminLogin(AdminAuth.fromHash(hash), new LoginThrottle(System::nanoTime),
                pauses::add),
                new ApiRouter(new MailUsers(new TestUserAdmin(store), store), new Certificates(() -> null)));
    }

    private final RestApiServlet servlet = servlet(AdminAuthTest.hash(PASSWORD));

    private FakeHttp.Response call(RestApiServlet target, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        target.service(request.proxy(), response.proxy());
        return response;
    }

    private static FakeHttp.Request request(String method, String path, String authorization) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.method = method;
        request.pathInfo = path;
        if (authorization != null) {
            request.headers.put("Authorization", authorization);
        }
        return request;
    }

    private static FakeHttp.Request admin(String method, String path) {
        return request(method, path, AdminAuthTest.basic("admin", PASSWORD));
    }

    private static void assertJsonError(int status, FakeHttp.Response response) {
        assertEquals(status, response.status);
        assertEquals("application/json;charset=UTF-8", response.contentType);
        Object body = Json.parse(response.text());
        assertTrue(response.text(), body instanceof Map<?, ?> map && map.get("error") instanceof String);
    }

    @Test
    public void answersTheAdmin() throws Exception {
        FakeHttp.Response response = call(servlet, admin("GET", "/health"));
        assertEquals(200, response.status);
        assertEquals("application/json;charset=UTF-8", response.contentType);
        assertEquals("{\"status\":\"UP\",\"users\":0}", response.text());
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertEquals(String.valueOf(response.body.size()), response.headers.get("Content-Length"));
    }

    @Test
    public void challengesWithoutCredentialsAndDoesNotDelay() throws Exception {
        FakeHttp.Response response = call(servlet, request("GET", "/users", null));
        assertJsonError(401, response);
        assertEquals("Basic realm=\"Mailshelf\"", response.headers.get("WWW-Authenticate"));
        assertEquals(List.of(), pauses);
    }

    @Test
    public void delaysEachFailedLoginLongerAndResetsOnSuccess() throws Exception {
        for (int i = 0; i < 7; i++) {
            FakeHttp.Response response = call(servlet, request("GET", "/users", AdminAuthTest.basic("admin", "x")));
            assertJsonError(401, response);
            assertEquals("Basic realm=\"Mailshelf\"", response.headers.get("WWW-Authenticate"));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 5L, 5L), pauses.stream().map(Duration::toSeconds).toList());

        assertEquals(200, call(servlet, admin("GET", "/users")).status);
        pauses.clear();
        call(servlet, request("GET", "/users", "Basic !!"));
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }

    @Test
    public void refusesEverythingWith503WhenNoHashIsSet() throws Exception {
        RestApiServlet disabled = servlet(null);
        assertJsonError(503, call(disabled, admin("GET", "/health")));
        assertJsonError(503, call(disabled, request("GET", "/health", null)));
        assertJsonError(503, call(disabled, request("GET", "/health", AdminAuthTest.basic("admin", "admin"))));
        assertEquals(List.of(), pauses);
    }

    @Test
    public void createsWithAnAbsoluteLocation() throws Exception {
        FakeHttp.Request post = admin("POST", "/users");
        post.contentType = "application/json";
        post.body = "{\"name\":\"alice\",\"password\":\"p\u00e4ss\"}".getBytes(StandardCharsets.UTF_8);
        FakeHttp.Response response = call(servlet, post);
        assertEquals(201, response.status);
        assertEquals("/api/v1/users/alice", response.headers.get("Location"));
        assertEquals("{\"name\":\"alice\"}", response.text());
        assertEquals("plain:p\u00e4ss", store.passwordHash("alice").orElseThrow());
    }

    @Test
    public void sendsNoBodyFor204AndHead() throws Exception {
        FakeHttp.Request post = admin("POST", "/users");
        post.contentType = "application/json";
        post.body = "{\"name\":\"alice\",\"password\":\"pw\"}".getBytes(StandardCharsets.UTF_8);
        call(servlet, post);
        FakeHttp.Response deleted = call(servlet, admin("DELETE", "/users/alice"));
        assertEquals(204, deleted.status);
        assertEquals("", deleted.text());

        FakeHttp.Response head = call(servlet, admin("HEAD", "/health"));
        assertEquals(200, head.status);
        assertEquals("", head.text());
    }

    @Test
    public void refusesOversizedAndNonUtf8Bodies() throws Exception {
        FakeHttp.Request big = admin("POST", "/users");
        big.contentType = "application/json";
        big.body = new byte[RestApiServlet.MAX_BODY_BYTES + 1];
        assertJsonError(413, call(servlet, big));

        FakeHttp.Request latin1 = admin("POST", "/users");
        latin1.contentType = "application/json";
        latin1.body = "{\"name\":\"alice\",\"password\":\"p\u00e4ss\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertJsonError(400, call(servlet, latin1));
        assertEquals(List.of(), store.users());
    }

    @Test
    public void answersUnknownPathsAndMethodsInJson() throws Exception {
        assertJsonError(404, call(servlet, admin("GET", null)));
        assertJsonError(404, call(servlet, admin("GET", "/nope")));
        FakeHttp.Response response = call(servlet, admin("DELETE", "/health"));
        assertJsonError(405, response);
        assertEquals("GET, HEAD", response.headers.get("Allow"));
    }
}
