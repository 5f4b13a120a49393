package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/** The console's login: a form and a session cookie for people, Basic for scripts, one throttle with the API. */
public class ConsoleSecurityProviderTest {

    private static final String PASSWORD = "adminpw";
    private static final String ROOT = "/system/console";
    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final AdminLogin login = new AdminLogin(AdminAuth.fromHash(AdminAuthTest.hash(PASSWORD)),
            new LoginThrottle(System::nanoTime), pauses::add);
    private final ConsoleSecurityProvider console = new ConsoleSecurityProvider(login,
            new AdminSessions(Duration.ofMinutes(30), clock::get), ROOT);

    private static FakeHttp.Request request(String method, String uri) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.remoteAddr = "192.0.2.7";
        request.method = method;
        request.uri = uri;
        return request;
    }

    private static FakeHttp.Request basic(String password) {
        FakeHttp.Request request = request("GET", ROOT + "/bundles");
        request.headers.put("Authorization", AdminAuthTest.basic("admin", password));
        return request;
    }

    private FakeHttp.Response logIn(String password, String scheme) {
        FakeHttp.Request form = request("POST", ROOT + "/login");
        form.scheme = scheme;
        form.parameters.put("user", "admin");
        form.parameters.put("password", password);
        form.parameters.put("target", ROOT + "/configMgr");
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(form.proxy(), response.proxy()));
        return response;
    }

    private static String token(FakeHttp.Response loggedIn) {
        String cookie = loggedIn.cookies.get(0);
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private Object withCookie(String token, FakeHttp.Response response) {
        FakeHttp.Request request = request("GET", ROOT + "/bundles");
        request.headers.put("Cookie", "other=1; " + ConsoleSecurityProvider.COOKIE + "=" + token);
        return console.authenticate(request.proxy(), response.proxy());
    }

    @Test
    public void letsAScriptInWithBasicCredentials() {
        FakeHttp.Request request = basic(PASSWORD);
        assertEquals("admin", console.authenticate(request.proxy(), new FakeHttp.Response().proxy()));
        assertEquals("admin", request.attributes.get(ConsoleSecurityProvider.REMOTE_USER));
        assertEquals("BASIC", request.attributes.get(ConsoleSecurityProvider.AUTH_TYPE));
        assertEquals(true, console.authorize("admin", "any role"));
        assertEquals(false, console.authorize(null, "any role"));
    }

    @Test
    public void sendsABrowserToTheLoginFormAndNeverAsksForBasicCredentials() {
        FakeHttp.Request page = request("GET", ROOT + "/bundles");
        page.query = "a=b";
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(page.proxy(), response.proxy()));
        assertEquals(303, response.status);
        assertEquals(ROOT + "/login?target=%2Fsystem%2Fconsole%2Fbundles%3Fa%3Db", response.headers.get("Location"));
        assertNull(response.headers.get("WWW-Authenticate"));

        FakeHttp.Response wrong = new FakeHttp.Response();
        assertNull(console.authenticate(basic("guess").proxy(), wrong.proxy()));
        assertEquals(401, wrong.status);
        assertNull("a challenge would make the browser cache credentials", wrong.headers.get("WWW-Authenticate"));

        FakeHttp.Response post = new FakeHttp.Response();
        assertNull(console.authenticate(request("POST", ROOT + "/bundles/3").proxy(), post.proxy()));
        assertEquals(401, post.status);
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
    }

    @Test
    public void showsTheLoginForm() {
        FakeHttp.Request page = request("GET", ROOT + "/login");
        page.parameters.put("target", ROOT + "/bundles");
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(page.proxy(), response.proxy()));
        assertEquals(200, response.status);
        assertTrue(response.text(), response.text().contains("<form method='post' accept-charset='UTF-8' action='"
                + ROOT + "/login'>"));
        assertTrue(response.text(), response.text().contains("name='target' value='" + ROOT + "/bundles'"));
        assertEquals("no-store", response.headers.get("Cache-Control"));
    }

    @Test
    public void theLoginFormStartsASessionInAStrictCookie() {
        FakeHttp.Response loggedIn = logIn(PASSWORD, "http");
        assertEquals(303, loggedIn.status);
        assertEquals(ROOT + "/configMgr", loggedIn.headers.get("Location"));
        String cookie = loggedIn.cookies.get(0);
        assertTrue(cookie, cookie.matches(ConsoleSecurityProvider.COOKIE
                + "=[A-Za-z0-9_-]{43}; Path=/system/console; HttpOnly; SameSite=Strict"));

        FakeHttp.Response response = new FakeHttp.Response();
        assertEquals("admin", withCookie(token(loggedIn), response));
        assertEquals(List.of(), pauses);
        assertNull(withCookie("forged", new FakeHttp.Response()));
    }

    @Test
    public void theCookieIsSecureOverHttps() {
        assertTrue(logIn(PASSWORD, "https").cookies.get(0).endsWith("; SameSite=Strict; Secure"));
    }

    @Test
    public void aWrongPasswordInTheFormIsThrottledAndStartsNoSession() {
        FakeHttp.Response response = logIn("guess", "http");
        assertEquals(401, response.status);
        assertTrue(response.text(), response.text().contains("Wrong user name or password."));
        assertEquals(List.of(), response.cookies);
        assertEquals(List.of(Duration.ofSeconds(1)), pauses);
        assertEquals(401, logIn(PASSWORD.toUpperCase(), "http").status);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), pauses);
    }

    @Test
    public void goesOnlyToConsolePagesAfterLogin() {
        for (String target : new String[] {"//evil.example/x", "https://evil.example", ROOT + "//evil.example",
            ROOT + "evil", ROOT + "/login", "/api/v1/users", ROOT + "/x\\y", null}) {
            assertEquals(target, ROOT, console.safeTarget(target));
        }
        assertEquals(ROOT + "/bundles?x=1", console.safeTarget(ROOT + "/bundles?x=1"));
    }

    @Test
    public void logoutEndsTheSession() {
        String token = token(logIn(PASSWORD, "http"));
        FakeHttp.Request out = request("GET", ROOT + "/logout");
        out.headers.put("Cookie", ConsoleSecurityProvider.COOKIE + "=" + token);
        FakeHttp.Response response = new FakeHttp.Response();
        console.logout(out.proxy(), response.proxy());
        assertEquals(303, response.status);
        assertEquals(ROOT + "/login?target=%2Fsystem%2Fconsole&message=logged-out", response.headers.get("Location"));
        assertTrue(response.cookies.get(0), response.cookies.get(0).endsWith("; Max-Age=0"));

        FakeHttp.Response after = new FakeHttp.Response();
        assertNull(withCookie(token, after));
        assertEquals(303, after.status);
    }

    @Test
    public void anIdleSessionEnds() {
        String token = token(logIn(PASSWORD, "http"));
        clock.addAndGet(Duration.ofMinutes(29).toNanos());
        assertEquals("admin", withCookie(token, new FakeHttp.Response()));
        clock.addAndGet(Duration.ofMinutes(29).toNanos()); // used a minute ago: still fine
        assertEquals("admin", withCookie(token, new FakeHttp.Response()));
        clock.addAndGet(Duration.ofMinutes(31).toNanos());
        assertNull(withCookie(token, new FakeHttp.Response()));
    }

    @Test
    public void failuresOnTheApiAndTheConsoleCountTogether() throws Exception {
        RestApiServlet api = new RestApiServlet(login, new ApiRouter(null, new Certificates(() -> null)));
        FakeHttp.Request wrongApi = new FakeHttp.Request();
        wrongApi.remoteAddr = "192.0.2.7";
        wrongApi.headers.put("Authorization", AdminAuthTest.basic("admin", "guess1"));
        api.service(wrongApi.proxy(), new FakeHttp.Response().proxy());
        api.service(wrongApi.proxy(), new FakeHttp.Response().proxy());

        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(console.authenticate(basic("guess3").proxy(), response.proxy()));
        assertEquals(401, response.status);
        assertEquals(401, logIn("guess4", "http").status);
        assertEquals(List.of(1L, 2L, 3L, 4L), pauses.stream().map(Duration::toSeconds).toList());
    }

    @Test
    public void staysClosedWithoutAPasswordOrWithoutTheGuard() {
        ConsoleSecurityProvider closed = new ConsoleSecurityProvider(
                new AdminLogin(AdminAuth.fromHash(null), new LoginThrottle(System::nanoTime), pauses::add),
                new AdminSessions(Duration.ofMinutes(1), clock::get), ROOT);
        FakeHttp.Response response = new FakeHttp.Response();
        assertNull(closed.authenticate(basic("admin").proxy(), response.proxy()));
        assertEquals(503, response.status);
        assertEquals(503, logInTo(closed).status);

        FakeHttp.Request unguarded = basic(PASSWORD);
        unguarded.attributes.remove(RequestGuard.GUARDED);
        FakeHttp.Response refused = new FakeHttp.Response();
        assertNull(console.authenticate(unguarded.proxy(), refused.proxy()));
        assertEquals(503, refused.status);
        assertFalse(unguarded.attributes.containsKey(ConsoleSecurityProvider.REMOTE_USER));
    }

    private static FakeHttp.Response logInTo(ConsoleSecurityProvider provider) {
        FakeHttp.Request form = request("POST", ROOT + "/login");
        form.parameters.put("user", "admin");
        form.parameters.put("password", "admin");
        FakeHttp.Response response = new FakeHttp.Response();
        provider.authenticate(form.proxy(), response.proxy());
        return response;
    }
}
