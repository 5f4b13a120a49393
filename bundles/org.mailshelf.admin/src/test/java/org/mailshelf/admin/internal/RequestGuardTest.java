package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.TlsCertificates;

import jakarta.servlet.FilterChain;

/** The guard in front of console and API: names, origins, headers. */
public class RequestGuardTest {

    private static final String CONSOLE = "/system/console";
    private CertificateInfo certificate = certificate("mail.example.test");
    private final TlsCertificates tls = (TlsCertificates) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {TlsCertificates.class}, (p, m, a) -> certificate);
    private final RequestGuard guard = guard(
            new String[] {"proxy.example.org, *.office.example"}, // a list as a .cfg file gives it
            new String[] {"https://proxy.example.org", "not an origin"});
    private boolean passedOn;
    private final FilterChain chain = (req, resp) -> passedOn = true;

    private RequestGuard guard(String[] hosts, String[] origins) {
        RequestGuardConfig config = (RequestGuardConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RequestGuardConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "allowed_hosts" -> hosts;
                    case "allowed_origins" -> origins;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new RequestGuard(new AdminActions(CONSOLE, id -> "org.mailshelf.imap"), config, tls);
    }

    private static CertificateInfo certificate(String name) {
        return new CertificateInfo(CertificateInfo.Source.GENERATED, "CN=" + name, "CN=" + name,
                List.of(name, "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"), Instant.EPOCH, Instant.EPOCH, "01",
                "AA", 1);
    }

    private static FakeHttp.Request request(String method, String uri, String host) {
        FakeHttp.Request request = new FakeHttp.Request();
        request.attributes.clear();
        request.method = method;
        request.uri = uri;
        if (host != null) {
            request.headers.put("Host", host);
        }
        return request;
    }

    private FakeHttp.Response run(FakeHttp.Request request) throws Exception {
        passedOn = false;
        request.attributes.clear();
        FakeHttp.Response response = new FakeHttp.Response();
        guard.doFilter(request.proxy(), response.proxy(), chain);
        assertEquals(passedOn, request.attributes.get(RequestGuard.GUARDED) != null);
        return response;
    }

    private boolean passes(String host) throws Exception {
        return run(request("GET", CONSOLE + "/bundles", host)).status == 200 && passedOn;
    }

    private FakeHttp.Response post(String uri, String origin, String referer) throws Exception {
        FakeHttp.Request request = request("POST", uri, "127.0.0.1:8080");
        if (origin != null) {
            request.headers.put("Origin", origin);
        }
        if (referer != null) {
            request.headers.put("Referer", referer);
        }
        return run(request);
    }

    @Test
    public void answersOnlyToItsOwnNames() throws Exception {
        for (String host : new String[] {"127.0.0.1:8080", "localhost", "LOCALHOST.:8080", "[::1]:8080",
            "mail.example.test:8443", "proxy.example.org", "a.office.example", "127.0.0.1", null}) {
            assertTrue(host, passes(host));
        }
        for (String host : new String[] {"rebind.example:8080", "office.example", "b.a.office.example.evil",
            "127.0.0.2:8080", "", "[::1", "a:b:c", "mail.example.test.evil.example"}) {
            assertFalse(host, passes(host));
        }
        FakeHttp.Response refused = run(request("GET", CONSOLE, "rebind.example:8080"));
        assertEquals(421, refused.status);
        assertEquals("DENY", refused.headers.get("X-Frame-Options"));
    }

    @Test
    public void theAddressARequestArrivedOnIsOneOfItsNames() throws Exception {
        FakeHttp.Request request = request("GET", CONSOLE, "192.0.2.10:8080");
        assertEquals(421, run(request).status);
        request.localAddr = "192.0.2.10";
        assertEquals(200, run(request).status);
    }

    @Test
    public void followsTheCertificateInUse() throws Exception {
        assertTrue(passes("mail.example.test"));
        certificate = certificate("other.example.test");
        assertFalse(passes("mail.example.test"));
        assertTrue(passes("other.example.test"));
    }

    @Test
    public void refusesChangesFromOtherOrigins() throws Exception {
        FakeHttp.Response refused = post(CONSOLE + "/bundles/12", "http://127.0.0.2:9000", null);
        assertEquals(403, refused.status);
        assertFalse(passedOn);
        assertEquals(403, post(CONSOLE + "/vmstat", "null", null).status);
        assertEquals(403, post(CONSOLE + "/vmstat", "https://127.0.0.1:8080", null).status);
        assertEquals(403, post(CONSOLE + "/vmstat", "http://127.0.0.1:8081", null).status);
        assertEquals(403, post(CONSOLE + "/vmstat", null, "http://evil.example/page").status);
        assertEquals(403, post(CONSOLE + "/vmstat", null, "garbage").status);
        FakeHttp.Response api = post("/api/v1/users", "http://evil.example", null);
        assertEquals(403, api.status);
        assertEquals("application/json;charset=UTF-8", api.contentType);
    }

    @Test
    public void letsTheConsoleItselfChangeThings() throws Exception {
        assertEquals(200, post(CONSOLE + "/bundles/12", "http://127.0.0.1:8080", null).status);
        assertTrue(passedOn);
        assertEquals(200, post(CONSOLE + "/bundles/12", null, "http://127.0.0.1:8080/system/console/bundles").status);
        assertTrue(passedOn);
        assertEquals(200, post(CONSOLE + "/bundles/12", "https://proxy.example.org", null).status);
        assertTrue(passedOn);
        assertEquals(200, post(CONSOLE + "/bundles/12", "https://proxy.example.org:443", null).status);
        assertTrue(passedOn);
    }

    @Test
    public void onlyScriptsMayNameNoOrigin() throws Exception {
        assertEquals(200, post("/api/v1/users", null, null).status);
        assertEquals(403, post(CONSOLE + "/bundles/12", null, null).status);

        FakeHttp.Request script = request("POST", CONSOLE + "/bundles/12", "127.0.0.1:8080");
        script.headers.put("Authorization", "Basic YWRtaW46eA==");
        assertEquals(200, run(script).status);
        script.headers.put("Cookie", ConsoleSecurityProvider.COOKIE + "=abc");
        assertEquals("a browser riding on its session", 403, run(script).status);
    }

    @Test
    public void forbidsFramingAndSniffing() throws Exception {
        FakeHttp.Response page = run(request("GET", CONSOLE + "/bundles", "127.0.0.1:8080"));
        assertEquals("DENY", page.headers.get("X-Frame-Options"));
        assertTrue(page.headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", page.headers.get("Referrer-Policy"));
        assertNull(page.headers.get("Cache-Control"));
        assertEquals("no-store", run(request("GET", "/api/v1/health", "localhost")).headers.get("Cache-Control"));
    }
}
