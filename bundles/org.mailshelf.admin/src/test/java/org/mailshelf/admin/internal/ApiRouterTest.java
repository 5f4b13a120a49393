package org.mailshelf.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.store.memory.MemoryMailStore;

public class ApiRouterTest {

    private static final String JSON = "application/json";
    private final MemoryMailStore store = new MemoryMailStore();
    private final TestUserAdmin userAdmin = new TestUserAdmin(store);
    private final TestCertificates tls = new TestCertificates();
    private volatile TestCertificates tlsService = tls;
    private final ApiRouter router = new ApiRouter(new MailUsers(userAdmin, store),
            new Certificates(() -> tlsService));

    private ApiResponse call(String method, String path) {
        return router.handle(method, path, null, "");
    }

    private ApiResponse send(String method, String path, String body) {
        return router.handle(method, path, JSON, body);
    }

    /** Every answer must survive the trip through the JSON writer and back, as the servlet sends it. */
    private static Object json(ApiResponse response) {
        return response.json() == null ? null : Json.parse(Json.write(response.json()));
    }

    private static void assertError(int status, ApiResponse response) {
        assertEquals(status, response.status());
        Object body = json(response);
        assertTrue(String.valueOf(body), body instanceof Map<?, ?> map && map.get("error") instanceof String s
                && !s.isBlank());
    }

    private void createAlice() {
        assertEquals(201, send("POST", "/users", "{\"name\":\"alice\",\"password\":\"pw\"}").status());
    }

    @Test
    public void healthCountsUsers() {
        ApiResponse response = call("GET", "/health");
        assertEquals(200, response.status());
        assertEquals(Map.of("status", "UP", "users", 0L), json(response));
        createAlice();
        assertEquals(Map.of("status", "UP", "users", 1L), json(call("GET", "/health")));
        assertEquals(200, call("HEAD", "/health").status());
    }

    @Test
    public void listsUsers() {
        assertEquals(List.of(), json(call("GET", "/users")));
        createAlice();
        send("POST", "/users", "{\"name\":\"bob\",\"password\":\"pw\"}");
        assertEquals(List.of(Map.of("name", "alice"), Map.of("name", "bob")), json(call("GET", "/users")));
    }

    @Test
    public void createsAUserWithAnInbox() {
        ApiResponse response = send("POST", "/users", "{\"name\":\"alice\",\"password\":\"s3cret\",\"extra\":1}");
        assertEquals(201, response.status());
        assertEquals(Map.of("name", "alice"), json(response));
        assertEquals("/users/alice", response.headers().get("Location"));
        assertTrue(userAdmin.exists("alice"));
        assertEquals("plain:s3cret", store.passwordHash("alice").orElseThrow());
        assertTrue(store.mailbox("alice", MailboxInfo.INBOX).isPresent());
    }

    @Test
    public void acceptsJsonWithParameters() {
        assertEquals(201, router.handle("POST", "/users", "Application/JSON; charset=UTF-8",
                "{\"name\":\"alice\",\"password\":\"pw\"}").status());
    }

    @Test
    public void refusesADuplicateWith409() {
        createAlice();
        ApiResponse response = send("POST", "/users", "{\"name\":\"alice\",\"password\":\"other\"}");
        assertError(409, response);
        assertEquals("Account exists: alice", response.errorMessage());
        assertEquals("plain:pw", store.passwordHash("alice").orElseThrow());
    }

    @Test
    public void refusesBadCreateRequestsWith400() {
        assertEquals("Invalid account name 'Bad Name'",
                send("POST", "/users", "{\"name\":\"Bad Name\",\"password\":\"pw\"}").errorMessage());
        assertEquals("The password must not be empty",
                send("POST", "/users", "{\"name\":\"alice\",\"password\":\"\"}").errorMessage());
        for (String body : new String[] {"", "{", "not json", "[]", "\"alice\"", "null", "{}",
            "{\"name\":\"alice\"}", "{\"password\":\"pw\"}", "{\"name\":\"alice\",\"password\":42}",
            "{\"name\":null,\"password\":\"pw\"}", "{\"name\":\"a\",\"name\":\"b\",\"password\":\"pw\"}"}) {
            ApiResponse response = send("POST", "/users", body);
            assertEquals(body, 400, response.status());
            assertError(400, response);
        }
        assertEquals(List.of(), userAdmin.list());
    }

    @Test
    public void demandsTheJsonMediaType() {
        String body = "{\"name\":\"alice\",\"password\":\"pw\"}";
        for (String type : new String[] {null, "", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonp"}) {
            assertError(415, router.handle("POST", "/users", type, body));
        }
        assertFalse(userAdmin.exists("alice"));
        assertTrue(ApiRouter.isJson("application/merge-patch+json"));
    }

    @Test
    public void showsAUserWithMailboxCounts() throws Exception {
        createAlice();
        long inbox = store.mailbox("alice", MailboxInfo.INBOX).orElseThrow().id();
        byte[] mail = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        store.append(inbox, mail, Flags.NONE, Instant.now());
        store.append(inbox, mail, Flags.NONE, Instant.now());
        store.createMailbox("alice", "Sent");

        ApiResponse response = call("GET", "/users/alice");
        assertEquals(200, response.status());
        assertEquals(Map.of("name", "alice", "mailboxes", List.of(
                Map.of("name", "INBOX", "messages", 2L), Map.of("name", "Sent", "messages", 0L))), json(response));
    }

    @Test
    public void unknownUsersAre404() {
        assertError(404, call("GET", "/users/nobody"));
        assertError(404, call("DELETE", "/users/nobody"));
        assertError(404, send("PUT", "/users/nobody/password", "{\"password\":\"pw\"}"));
        assertEquals("No such user: nobody", call("GET", "/users/nobody").errorMessage());
    }

    @Test
    public void deletesAUserAndTheirMail() {
        createAlice();
        ApiResponse response = call("DELETE", "/users/alice");
        assertEquals(204, response.status());
        assertNull(response.json());
        assertFalse(userAdmin.exists("alice"));
        assertTrue(store.mailboxes("alice").isEmpty());
        assertError(404, call("DELETE", "/users/alice"));
    }

    @Test
    public void changesAPassword() {
        createAlice();
        ApiResponse response = send("PUT", "/users/alice/password", "{\"password\":\"n\\u00e9w\"}");
        assertEquals(204, response.status());
        assertNull(response.json());
        assertEquals("plain:n\u00e9w", store.passwordHash("alice").orElseThrow());

        assertEquals("The password must not be empty",
                send("PUT", "/users/alice/password", "{\"password\":\"\"}").errorMessage());
        assertError(400, send("PUT", "/users/alice/password", "{\"pass\":\"x\"}"));
        assertError(400, send("PUT", "/users/alice/password", "{\"password\":"));
        assertError(415, router.handle("PUT", "/users/alice/password", "text/plain", "{\"password\":\"x\"}"));
        assertEquals("plain:n\u00e9w", store.passwordHash("alice").orElseThrow());
    }

    @Test
    public void unknownPathsAre404() {
        createAlice();
        for (String path : new String[] {null, "", "/", "/nope", "/health/", "/users/", "/users//password",
            "/users/alice/", "/users/alice/other", "/users/alice/password/x", "//users", "users"}) {
            assertError(404, call("GET", path));
        }
    }

    @Test
    public void wrongMethodsAre405WithAllow() {
        assertMethodNotAllowed("POST", "/health", "GET, HEAD");
        assertMethodNotAllowed("DELETE", "/users", "GET, HEAD, POST");
        assertMethodNotAllowed("PUT", "/users", "GET, HEAD, POST");
        assertMethodNotAllowed("POST", "/users/alice", "GET, HEAD, DELETE");
        assertMethodNotAllowed("PATCH", "/users/alice", "GET, HEAD, DELETE");
        assertMethodNotAllowed("GET", "/users/alice/password", "PUT");
        assertMethodNotAllowed("POST", "/users/alice/password", "PUT");
    }

    private void assertMethodNotAllowed(String method, String path, String allow) {
        ApiResponse response = call(method, path);
        assertError(405, response);
        assertEquals(allow, response.headers().get("Allow"));
    }

    @Test
    public void encodesLocationSegments() {
        assertEquals("alice", ApiRouter.pathSegment("alice"));
        assertEquals("a.b_c-d~e", ApiRouter.pathSegment("a.b_c-d~e"));
        assertEquals("a%20b%2F%3F%23%25%2B%C3%BC", ApiRouter.pathSegment("a b/?#%+\u00fc"));
    }

    @Test
    public void showsInstallsAndUninstallsTheCertificate() {
        Map<?, ?> shown = (Map<?, ?>) json(call("GET", "/tls/certificate"));
        assertEquals("generated", shown.get("source"));
        assertEquals(List.of("localhost", "127.0.0.1"), shown.get("subjectAltNames"));
        assertEquals("2027-01-01T00:00:00Z", shown.get("notAfter"));

        ApiResponse installed = send("PUT", "/tls/certificate", "{\"certificate\":\"good chain\",\"key\":\"k\"}");
        assertEquals(200, installed.status());
        assertEquals("installed", ((Map<?, ?>) json(installed)).get("source"));
        assertEquals("CN=mail.example.com", ((Map<?, ?>) json(call("GET", "/tls/certificate"))).get("subject"));

        ApiResponse back = call("DELETE", "/tls/certificate");
        assertEquals(200, back.status());
        assertEquals("generated", ((Map<?, ?>) json(back)).get("source"));
    }

    @Test
    public void explainsARefusedCertificate() {
        ApiResponse refused = send("PUT", "/tls/certificate", "{\"certificate\":\"junk\",\"key\":\"k\"}");
        assertError(422, refused);
        assertEquals("No certificate found in the text", refused.errorMessage());
        assertError(400, send("PUT", "/tls/certificate", "{\"certificate\":\"good chain\"}"));
        assertError(415, router.handle("PUT", "/tls/certificate", "text/plain", "{}"));
        assertError(405, call("POST", "/tls/certificate"));
        assertEquals("generated", tls.current().source().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    public void aCertificateTheApplianceCannotStoreIsAServerFault() {
        tls.diskFull = true;
        ApiResponse failed = send("PUT", "/tls/certificate", "{\"certificate\":\"good chain\",\"key\":\"k\"}");
        assertError(503, failed);
        assertTrue(failed.errorMessage(), failed.errorMessage().contains("No space left"));
    }

    @Test
    public void saysSoWhenTlsIsNotRunning() {
        tlsService = null;
        assertError(503, call("GET", "/tls/certificate"));
        assertError(503, send("PUT", "/tls/certificate", "{\"certificate\":\"good chain\",\"key\":\"k\"}"));
        assertError(503, call("DELETE", "/tls/certificate"));
        assertEquals(Certificates.NO_TLS, call("GET", "/tls/certificate").errorMessage());
    }
}
